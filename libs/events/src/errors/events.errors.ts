import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@omnitill/common';

@ObjectType('WebhookEndpointInactiveError', { implements: () => [ErrorResult] })
export class WebhookEndpointInactiveError extends ErrorResult {
  @Field(() => ID)
  readonly endpointId: string;

  constructor(endpointId: string) {
    super('WEBHOOK_ENDPOINT_INACTIVE', 'The webhook endpoint is deactivated: nothing is sent to it');
    this.endpointId = endpointId;
  }
}

/** Returned by the recordTestEvent diagnostic when asked to fail: its event was rolled back with it. */
@ObjectType('TestEventRolledBackError', { implements: () => [ErrorResult] })
export class TestEventRolledBackError extends ErrorResult {
  constructor() {
    super('TEST_EVENT_ROLLED_BACK', 'Failed on request after recording: the event was rolled back and will never be published');
  }
}
