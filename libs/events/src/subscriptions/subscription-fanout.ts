import { Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RequestContext } from '@omnitill/common';
import { parseIds } from '../relay/channels';
import { OutboxRepository } from '../repositories/outbox.repository';
import { LiveUpdate, liveUpdatesFor } from './live-updates';

/** The part of Mercurius' pubsub we use (fastify.graphql.pubsub; in-process, per replica). */
interface MercuriusPubSub {
  publish(event: LiveUpdate, callback: (error?: unknown) => void): void;
}

/** What a subscription resolver receives as `context.pubsub` from Mercurius. */
export interface SubscriptionPubSub {
  subscribe(topics: string | string[]): Promise<AsyncIterable<unknown>>;
}

/**
 * Pushes published events to this replica's WebSocket subscribers. Every replica runs it on the
 * relay's "published" NOTIFY, whichever replica published the events, so a subscriber sees an
 * event whatever replica it is connected to. Best effort, like any live feed: a subscriber that
 * was disconnected re-reads state when it reconnects.
 */
@Injectable()
export class SubscriptionFanout {
  private readonly logger = new Logger(SubscriptionFanout.name);
  private readonly ctx = RequestContext.system('subscription-fanout');
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: OutboxRepository,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Called with the NOTIFY payload; notifications are handled one after the other, in order. */
  onPublished(payload: string): void {
    const ids = parseIds(payload);
    if (ids.length === 0) {
      return;
    }
    this.chain = this.chain.then(() => this.publish(ids)).catch((error: unknown) => {
      this.logger.warn(`live updates for ${ids.length} event(s) dropped: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Resolves when every notification received so far has been handled. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async publish(ids: string[]): Promise<void> {
    const pubsub = this.pubsub();
    if (!pubsub) {
      return;
    }
    const events = await this.events.findByIds(this.ctx, ids);
    for (const event of events) {
      for (const update of liveUpdatesFor(event)) {
        await new Promise<void>((resolve, reject) => pubsub.publish(update, (error) => (error ? reject(error) : resolve())));
      }
    }
  }

  private pubsub(): MercuriusPubSub | null {
    const instance = this.adapterHost.httpAdapter?.getInstance<{ graphql?: { pubsub?: MercuriusPubSub } }>();
    return instance?.graphql?.pubsub ?? null;
  }
}
