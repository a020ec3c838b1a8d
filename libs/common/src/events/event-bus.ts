import { Injectable, Logger } from '@nestjs/common';
import { DomainEventType, PublishedEvent } from './domain-event';

export type EventHandler = (event: PublishedEvent) => Promise<void> | void;

/** `'*'` receives every event type. */
export type EventSelector = DomainEventType | '*';

/**
 * In-process subscribers of committed events. Any lib may subscribe (usually in `onModuleInit`);
 * only the relay (libs/events) dispatches. Delivery is at least once and in order per aggregate:
 * the relay calls handlers while it holds the events it publishes, so a crash redelivers them.
 * Handlers must be quick and idempotent (key on `event.id`); slow work belongs in their own queue.
 * A handler that throws is logged and does not stop the others or the relay.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger(EventBus.name);
  private readonly handlers = new Map<EventSelector, Set<EventHandler>>();

  /** Registers `handler` for one type, several, or `'*'`. Returns a function that unsubscribes. */
  subscribe(selector: EventSelector | readonly DomainEventType[], handler: EventHandler): () => void {
    const selectors: readonly EventSelector[] = Array.isArray(selector) ? selector : [selector as EventSelector];
    for (const key of selectors) {
      const set = this.handlers.get(key) ?? new Set<EventHandler>();
      set.add(handler);
      this.handlers.set(key, set);
    }
    return () => {
      for (const key of selectors) {
        this.handlers.get(key)?.delete(handler);
      }
    };
  }

  get handlerCount(): number {
    let count = 0;
    for (const set of this.handlers.values()) {
      count += set.size;
    }
    return count;
  }

  /** Calls every handler for `event` in registration order. Returns how many handlers failed. */
  async dispatch(event: PublishedEvent): Promise<number> {
    let failures = 0;
    const handlers = [...(this.handlers.get(event.type) ?? []), ...(this.handlers.get('*') ?? [])];
    for (const handler of handlers) {
      try {
        await handler(event);
      } catch (error) {
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error(`handler failed for ${event.type} ${event.id}: ${message}`, error instanceof Error ? error.stack : undefined);
      }
    }
    return failures;
  }
}
