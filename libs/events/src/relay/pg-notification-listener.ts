import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface NotificationHandlers {
  onNotification(channel: string, payload: string): void;
  /** After every (re)connection: notifications sent while disconnected are lost, so catch up. */
  onConnected(): void;
}

const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * One dedicated PostgreSQL connection that LISTENs (a pooled connection cannot: LISTEN belongs to
 * the session). Reconnects with backoff when the connection is lost; the relay's poll covers the gap.
 */
export class PgNotificationListener {
  private readonly logger = new Logger(PgNotificationListener.name);
  private client: Client | null = null;
  private stopped = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly channels: readonly string[],
    private readonly handlers: NotificationHandlers,
    private readonly applicationName = 'omnitill-events-listener',
  ) {}

  get connected(): boolean {
    return this.client !== null;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
    }
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, application_name: this.applicationName, keepAlive: true });
    client.on('notification', (message) => {
      if (this.client === client) {
        this.handlers.onNotification(message.channel, message.payload ?? '');
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.channels) {
        await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      this.scheduleReconnect(error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.failures > 0) {
      this.logger.log(`LISTEN connection restored after ${this.failures} failed attempt(s)`);
    }
    this.failures = 0;
    this.handlers.onConnected();
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) {
      return;
    }
    this.client = null;
    void client.end().catch(() => undefined);
    if (!this.stopped) {
      this.scheduleReconnect(error ?? new Error('connection ended'));
    }
  }

  private scheduleReconnect(error: unknown): void {
    if (this.stopped || this.reconnectTimer) {
      return;
    }
    this.failures += 1;
    const delay = Math.min(MAX_RECONNECT_DELAY_MS, 100 * 2 ** Math.min(this.failures - 1, 10));
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`LISTEN connection lost (${reason}): reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }
}
