import { Logger } from '@nestjs/common';

/**
 * Runs `work` every `intervalMs` for background jobs that every replica may run (they claim rows
 * with SKIP LOCKED). Runs never overlap (the next is scheduled when the last finishes), failures are
 * logged and retried next time, timers are unref'd so they never keep a process alive, and `stop`
 * waits for a run in progress.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: (isStopping: () => boolean) => Promise<void>,
  ) {
    this.logger = new Logger(name);
  }

  /** Starts the schedule; an interval of 0 leaves the task off. */
  start(): void {
    if (this.intervalMs > 0) {
      this.schedule();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.tick().finally(() => {
        this.running = null;
        if (!this.stopped) {
          this.schedule();
        }
      });
    }, this.intervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.work(() => this.stopped);
    } catch (error) {
      this.logger.error(`${this.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
