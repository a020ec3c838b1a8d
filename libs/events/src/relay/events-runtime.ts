import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { OUTBOX_NOTIFY_CHANNEL } from '@omnitill/common';
import { EVENTS_OPTIONS, EventsOptions } from '../events.options';
import { SubscriptionFanout } from '../subscriptions/subscription-fanout';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { EVENTS_PUBLISHED_CHANNEL } from './channels';
import { OutboxRelay } from './outbox-relay';
import { NotificationHandlers, PgNotificationListener } from './pg-notification-listener';

/**
 * Starts and stops the background side of events in this process: the LISTEN connection (always,
 * it feeds live subscriptions), and, unless EVENT_RELAY_ENABLED=false, the relay, the webhook
 * dispatcher and their fallback poll.
 */
@Injectable()
export class EventsRuntime implements OnApplicationBootstrap, OnModuleDestroy, NotificationHandlers {
  private readonly logger = new Logger(EventsRuntime.name);
  private listener: PgNotificationListener | null = null;
  private pollTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly dispatcher: WebhookDispatcher,
    private readonly fanout: SubscriptionFanout,
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
  ) {}

  get listening(): boolean {
    return this.listener?.connected ?? false;
  }

  async onApplicationBootstrap(): Promise<void> {
    const channels = this.options.relayEnabled ? [OUTBOX_NOTIFY_CHANNEL, EVENTS_PUBLISHED_CHANNEL] : [EVENTS_PUBLISHED_CHANNEL];
    this.listener = new PgNotificationListener(this.options.databaseUrl, channels, this);
    await this.listener.start();
    if (this.options.relayEnabled) {
      this.relay.start();
      this.dispatcher.start();
      this.pollTimer = setInterval(() => {
        this.relay.wake();
        this.dispatcher.wake();
      }, this.options.relayPollMs);
      this.pollTimer.unref();
    } else {
      this.logger.log('EVENT_RELAY_ENABLED=false: this process neither publishes events nor sends webhooks');
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.pollTimer) {
      clearInterval(this.pollTimer);
      this.pollTimer = null;
    }
    await this.listener?.stop();
    await this.relay.stop();
    await this.dispatcher.stop();
    await this.fanout.idle();
  }

  onNotification(channel: string, payload: string): void {
    if (channel === OUTBOX_NOTIFY_CHANNEL) {
      this.relay.wake();
      return;
    }
    if (channel === EVENTS_PUBLISHED_CHANNEL) {
      this.fanout.onPublished(payload);
      this.dispatcher.wake();
      if (this.relay.waitingForOtherRelay) {
        this.relay.wake();
      }
    }
  }

  onConnected(): void {
    this.relay.wake();
    this.dispatcher.wake();
  }
}
