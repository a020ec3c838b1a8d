import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, DOMAIN_EVENT_TYPES, isErrorResult, JsonObject, PageArgs, Permission, RequestContext, toPaginated, Transaction } from '@omnitill/common';
import { TestEventFailure, EventLogService } from '../services/event-log.service';
import { EventLogArgs, RecordTestEventInput } from './inputs/event.input';
import { RecordTestEventResult } from './results/events.result';
import { EventList, EventType } from './types/event.type';

@Resolver(() => EventType)
export class EventLogResolver {
  constructor(private readonly eventLog: EventLogService) {}

  @Query(() => EventList, { description: 'The event log, newest first. Admins and support agents.' })
  @Allow(Permission.ADMIN, Permission.SUPPORT_AGENT)
  async events(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args() filter: EventLogArgs): Promise<EventList> {
    const result = await this.eventLog.list(ctx, {
      type: filter.type ?? undefined,
      storeId: filter.storeId ?? undefined,
      customerId: filter.customerId ?? undefined,
      aggregateType: filter.aggregateType ?? undefined,
      aggregateId: filter.aggregateId ?? undefined,
      from: filter.from ?? undefined,
      to: filter.to ?? undefined,
      skip: page.skip,
      take: page.take,
    });
    return toPaginated(result, EventType.from);
  }

  @Query(() => [String], { description: 'Every event type, for webhook subscriptions and log filters.' })
  @Allow(Permission.ADMIN, Permission.SUPPORT_AGENT)
  eventTypes(): string[] {
    return [...DOMAIN_EVENT_TYPES];
  }

  @Mutation(() => RecordTestEventResult, {
    description:
      'Diagnostic for integrators: records an event through the transactional outbox, so it reaches webhooks and ' +
      'subscriptions like any other. failAfterRecording makes the mutation fail after writing it, to show that a ' +
      'rolled-back change emits nothing. Admins only.',
  })
  @Allow(Permission.ADMIN)
  @Transaction()
  async recordTestEvent(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordTestEventInput,
    @Args('failAfterRecording', { type: () => TestEventFailure, nullable: true }) failAfterRecording?: TestEventFailure | null,
  ): Promise<typeof RecordTestEventResult> {
    const result = await this.eventLog.recordTestEvent(
      ctx,
      {
        type: input.type,
        version: input.version,
        storeId: input.storeId ?? null,
        customerId: input.customerId ?? null,
        aggregateType: input.aggregateType ?? input.type.split('.')[0],
        aggregateId: input.aggregateId,
        payload: JSON.parse(input.payload) as JsonObject,
        consent: input.consent ?? null,
      },
      failAfterRecording ?? undefined,
    );
    return isErrorResult(result) ? result : EventType.from(result);
  }
}
