import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { WebhookDeliveryAttemptEntity } from '../../entities/webhook-delivery-attempt.entity';
import { WebhookDeliveryState } from '../../entities/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../../entities/webhook-endpoint.entity';
import { DeliveryWithAttempts } from '../../services/webhook-delivery.service';

registerEnumType(WebhookDeliveryState, {
  name: 'WebhookDeliveryState',
  valuesMap: {
    PENDING: { description: 'Queued, not tried yet (or being sent).' },
    SUCCEEDED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'The last attempt failed; a retry is scheduled.' },
    DEAD: { description: 'Gave up after the attempt limit; can be replayed.' },
  },
});

@ObjectType('WebhookEndpoint')
export class WebhookEndpointType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String], { description: 'Event types sent to it; ["*"] for all.' })
  eventTypes!: string[];

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static from(entity: WebhookEndpointEntity): WebhookEndpointType {
    return Object.assign(new WebhookEndpointType(), {
      id: entity.id,
      url: entity.url,
      description: entity.description,
      eventTypes: entity.eventTypes,
      active: entity.active,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}

@ObjectType('WebhookEndpointWithSecret', { description: 'An endpoint and its signing secret. The secret is shown only this once.' })
export class WebhookEndpointWithSecretType {
  @Field(() => WebhookEndpointType)
  endpoint!: WebhookEndpointType;

  @Field(() => String, {
    description: 'HMAC-SHA256 signing secret: verify x-omnitill-signature with it. Store it securely; rotate with rotateWebhookSecret.',
  })
  secret!: string;
}

@ObjectType('WebhookDeliveryAttempt')
export class WebhookDeliveryAttemptType {
  @Field(() => Int)
  attemptNo!: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status; null when no response came (timeout, refused).' })
  statusCode!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => Date)
  attemptedAt!: Date;

  static from(entity: WebhookDeliveryAttemptEntity): WebhookDeliveryAttemptType {
    return Object.assign(new WebhookDeliveryAttemptType(), {
      attemptNo: entity.attemptNo,
      statusCode: entity.statusCode,
      error: entity.error,
      durationMs: entity.durationMs,
      attemptedAt: entity.attemptedAt,
    });
  }
}

@ObjectType('WebhookDelivery', { description: 'One event for one endpoint.' })
export class WebhookDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => ID, { description: 'The event id, as in the x-omnitill-event-id header.' })
  eventId!: string;

  @Field(() => String)
  eventType!: string;

  @Field(() => String)
  aggregateType!: string;

  @Field(() => String)
  aggregateId!: string;

  @Field(() => WebhookDeliveryState)
  state!: WebhookDeliveryState;

  @Field(() => Int, { description: 'Attempts in the current round (a replay starts a new round).' })
  attemptCount!: number;

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true })
  lastStatus!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => [WebhookDeliveryAttemptType], { description: 'Every attempt, oldest first, replays included.' })
  attempts!: WebhookDeliveryAttemptType[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static from(delivery: DeliveryWithAttempts): WebhookDeliveryType {
    return Object.assign(new WebhookDeliveryType(), {
      id: delivery.id,
      endpointId: delivery.endpointId,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      aggregateType: delivery.aggregateType,
      aggregateId: delivery.aggregateId,
      state: delivery.state,
      attemptCount: delivery.attempts,
      nextAttemptAt: delivery.nextAttemptAt,
      lastStatus: delivery.lastStatus,
      lastError: delivery.lastError,
      attempts: delivery.attemptLog.map(WebhookDeliveryAttemptType.from),
      createdAt: delivery.createdAt,
      updatedAt: delivery.updatedAt,
    });
  }
}

@ObjectType('WebhookDeliveryList')
export class WebhookDeliveryList extends Paginated(WebhookDeliveryType) {}

@ObjectType('ReplayEventsResult')
export class ReplayEventsResultType {
  @Field(() => Int, { description: 'Deliveries queued (deliveries still open are left as they are).' })
  queued!: number;

  @Field(() => ID, { nullable: true, description: `The last event considered; at most 10000 per call: continue after it.` })
  lastEventId!: string | null;
}
