import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, EventOutbox, NewDomainEvent, NotFoundException, Page, PublishedEvent, RequestContext } from '@omnitill/common';
import { TestEventRolledBackError } from '../errors/events.errors';
import { EventLogQuery, OutboxRepository } from '../repositories/outbox.repository';

/** How the recordTestEvent diagnostic should fail after writing its event, if at all. */
export enum TestEventFailure {
  /** Return an ErrorResult: the mutation's transaction rolls back. */
  ERROR_RESULT = 'ERROR_RESULT',
  /** Throw: the transaction rolls back and the caller gets a CONFLICT error. */
  EXCEPTION = 'EXCEPTION',
}

/** The queryable event log and the diagnostic event writer. */
@Injectable()
export class EventLogService {
  constructor(
    private readonly events: OutboxRepository,
    private readonly outbox: EventOutbox,
  ) {}

  list(ctx: RequestContext, query: EventLogQuery): Promise<Page<PublishedEvent>> {
    return this.events.list(ctx, query);
  }

  /**
   * Writes one event through the outbox in the caller's transaction, exactly as a use case does,
   * so integrators can test their webhook receivers and subscriptions end to end. `failAfter`
   * makes the mutation fail after writing, to show that a rolled-back change emits nothing.
   */
  async recordTestEvent(ctx: RequestContext, event: NewDomainEvent, failAfter?: TestEventFailure): Promise<PublishedEvent | TestEventRolledBackError> {
    const [recorded] = await this.outbox.record(ctx, event);
    switch (failAfter) {
      case TestEventFailure.ERROR_RESULT:
        return new TestEventRolledBackError();
      case TestEventFailure.EXCEPTION:
        throw new DomainException(ErrorCode.CONFLICT, 'Failed on request after recording: the event was rolled back');
      case undefined:
        break;
    }
    const stored = await this.events.findByEventId(ctx, recorded.id);
    if (!stored) {
      throw new NotFoundException('Event', recorded.id);
    }
    return stored;
  }
}
