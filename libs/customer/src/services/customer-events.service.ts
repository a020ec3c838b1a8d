import { Injectable } from '@nestjs/common';
import { EventOutbox, MarketingConsent, RequestContext } from '@omnitill/common';
import { CustomerConsentEntity } from '../entities/customer-consent.entity';
import { ConsentPurpose } from '../entities/customer.enums';

export const CUSTOMER_AGGREGATE = 'customer';

/** Current consents as events carry them: a purpose never given counts as not granted. */
export function marketingConsentOf(consents: readonly CustomerConsentEntity[]): MarketingConsent {
  const granted = (purpose: ConsentPurpose) => consents.some((row) => row.purpose === purpose && row.granted);
  return { emailMarketing: granted(ConsentPurpose.EMAIL_MARKETING), smsMarketing: granted(ConsentPurpose.SMS_MARKETING) };
}

/**
 * Customer events in the outbox, in the transaction of the change. They name profiles by id only:
 * no email, phone or name travels to integrations (they read the profile if they need it).
 */
@Injectable()
export class CustomerEventsService {
  constructor(private readonly outbox: EventOutbox) {}

  async merged(ctx: RequestContext, survivorId: string, mergedId: string, moved: Readonly<Record<string, number>>): Promise<void> {
    await this.outbox.record(ctx, {
      type: 'customer.merged',
      customerId: survivorId,
      aggregateType: CUSTOMER_AGGREGATE,
      aggregateId: survivorId,
      payload: { survivorId, mergedId, moved: { ...moved } },
    });
  }

  async erased(ctx: RequestContext, customerId: string, erasedProfileIds: readonly string[]): Promise<void> {
    await this.outbox.record(ctx, {
      type: 'customer.erased',
      customerId,
      aggregateType: CUSTOMER_AGGREGATE,
      aggregateId: customerId,
      payload: { customerId, erasedProfileIds: [...erasedProfileIds] },
      consent: { emailMarketing: false, smsMarketing: false },
    });
  }
}
