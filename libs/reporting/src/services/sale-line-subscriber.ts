import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus, EventQueueWorker, RequestContext } from '@omnitill/common';
import { PROJECTED_EVENT_TYPES, ProjectedEvent } from '../repositories/sale-line-projection.repository';
import { SALE_LINE_PROJECTION_OPTIONS, SaleLineProjectionOptions } from '../reporting.options';
import { SaleLineProjector } from './sale-line-projector.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Events waiting beyond this are left to the catch-up job (it finds them by their missing markers). */
const MAX_QUEUED = 10_000;
/** Events applied together, in one transaction and one statement per step. */
const BATCH = 200;
/**
 * A batch that is not full waits this long for more events: a batch costs nearly the same whatever
 * its size, and without the wait a worker that keeps up would apply nearly every sale alone. The
 * delay before a sale shows is this pause plus the relay's.
 */
const GATHER_MS = 250;

/**
 * Keeps report_sale_line current from committed events, outside the sale's transaction (the till
 * never waits for it) and outside the relay's (EventQueueWorker: one worker per replica drains the
 * queue in batches); whatever fails, overflows or is lost in a crash is replayed by SaleLineCatchUp.
 */
@Injectable()
export class SaleLineSubscriber implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  private readonly queue = new EventQueueWorker<ProjectedEvent>(
    new Logger(SaleLineSubscriber.name),
    (batch) => this.projector.apply(RequestContext.system(`report-sale-line:${batch[0].eventId}`), batch),
    { batchSize: BATCH, maxQueued: MAX_QUEUED, gatherMs: GATHER_MS },
  );

  constructor(
    @Inject(SALE_LINE_PROJECTION_OPTIONS) private readonly options: SaleLineProjectionOptions,
    private readonly bus: EventBus,
    private readonly projector: SaleLineProjector,
  ) {}

  onModuleInit(): void {
    if (!this.options.liveUpdates) {
      return;
    }
    this.queue.start();
    this.unsubscribe = this.bus.subscribe(PROJECTED_EVENT_TYPES, (event) => {
      if (UUID.test(event.aggregateId)) {
        this.queue.push({ eventId: event.id, type: event.type, aggregateId: event.aggregateId, occurredAt: event.occurredAt });
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.queue.stop();
  }
}
