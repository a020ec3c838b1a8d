import { Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditTrail, Clock, NotFoundException, RequestContext } from '@omnitill/common';
import { CustomerProfile } from '../entities/customer-consent.entity';
import { CustomerEntity } from '../entities/customer.entity';
import { customerChannelOf } from '../entities/customer.enums';
import { CustomerDataExporterRegistry, CustomerErasureRegistry, JsonObject } from '../registries/customer-data.registry';
import { CustomerConsentRepository } from '../repositories/customer-consent.repository';
import { CustomerMergeRepository } from '../repositories/customer-merge.repository';
import { CustomerRepository } from '../repositories/customer.repository';
import { CustomerEventsService } from './customer-events.service';
import { CustomerProfileService } from './customer-profile.service';

export const CUSTOMER_EXPORT_FORMAT = 'omnitill.customer-export.v1';

function profileData(customer: CustomerEntity): JsonObject {
  return {
    id: customer.id,
    email: customer.email,
    emailVerifiedAt: customer.emailVerifiedAt,
    phone: customer.phone,
    firstName: customer.firstName,
    lastName: customer.lastName,
    loyaltyNumber: customer.loyaltyNumber,
    hasOnlineAccount: customer.passwordHash !== null,
    createdChannel: customer.createdChannel,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    mergedIntoId: customer.mergedIntoId,
    erasedAt: customer.erasedAt,
  };
}

/**
 * Data-protection requests. Export gathers the profile, profiles merged into it, the consent
 * history, merges and every registered exporter's section. Erasure removes the personal data of the
 * profile and of every duplicate merged into it (the same person), withdraws marketing consents and
 * tells registered participants; rows stay, so orders, payments and redemptions keep adding up.
 */
@Injectable()
export class CustomerPrivacyService {
  private readonly logger = new Logger(CustomerPrivacyService.name);

  constructor(
    private readonly customers: CustomerRepository,
    private readonly consents: CustomerConsentRepository,
    private readonly merges: CustomerMergeRepository,
    private readonly profiles: CustomerProfileService,
    private readonly exporters: CustomerDataExporterRegistry,
    private readonly erasure: CustomerErasureRegistry,
    private readonly events: CustomerEventsService,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** Everything about the customer as one JSON document. */
  async exportData(ctx: RequestContext, customerId: string): Promise<string> {
    const customer = await this.customers.findById(ctx, customerId);
    if (!customer) {
      throw new NotFoundException('Customer', customerId);
    }
    const mergedProfiles = await this.customers.findByIds(ctx, await this.customers.idsMergedInto(ctx, customerId));
    const sections: Record<string, JsonObject> = {};
    for (const exporter of this.exporters.all()) {
      sections[exporter.name] = await exporter.exportData(ctx, customerId);
    }
    const document = {
      format: CUSTOMER_EXPORT_FORMAT,
      generatedAt: this.clock.now(),
      profile: profileData(customer),
      mergedProfiles: mergedProfiles.map(profileData),
      consents: (await this.consents.history(ctx, customerId)).map((row) => ({
        purpose: row.purpose,
        granted: row.granted,
        channel: row.channel,
        recordedAt: row.recordedAt,
      })),
      merges: (await this.merges.listInvolving(ctx, customerId)).map((merge) => ({
        survivorId: merge.survivorId,
        mergedId: merge.mergedId,
        mergedAt: merge.mergedAt,
      })),
      ...sections,
    };
    this.logger.log(`customer ${customerId} data exported by ${ctx.actorLabel}`);
    return JSON.stringify(document);
  }

  /** Must run in a transaction. Erasing twice is harmless. */
  async erase(ctx: RequestContext, customerId: string): Promise<CustomerProfile> {
    const [customer] = await this.customers.lockByIds(ctx, [customerId]);
    if (!customer) {
      throw new NotFoundException('Customer', customerId);
    }
    if (customer.erasedAt !== null) {
      return this.profiles.profileOf(ctx, customer);
    }
    const ids = [customer.id, ...(await this.customers.idsMergedInto(ctx, customer.id))];
    for (const participant of this.erasure.all()) {
      for (const id of ids) {
        await participant.anonymise(ctx, id);
      }
    }
    await this.withdrawMarketingConsents(ctx, ids);
    await this.customers.erase(ctx, ids, this.clock.now());
    await this.events.erased(ctx, customer.id, ids);
    // Ids only: the audit trail must not keep the personal data the erasure removed.
    await this.audit.record(ctx, { action: AuditAction.CUSTOMER_ERASURE, subjectType: 'customer', subjectId: customer.id, after: { erasedProfiles: ids } });
    this.logger.log(`customer ${customerId} erased (${ids.length} profile(s)) by ${ctx.actorLabel}`);
    return this.profiles.getProfile(ctx, customer.id);
  }

  /** An erased person must not be marketed to, whatever any system later reads from the history. */
  private async withdrawMarketingConsents(ctx: RequestContext, ids: readonly string[]): Promise<void> {
    const current = await this.consents.currentFor(ctx, ids);
    const recordedAt = this.clock.now();
    const channel = customerChannelOf(ctx);
    await this.consents.record(
      ctx,
      [...current.values()].flat().filter((row) => row.granted).map((row) => ({ customerId: row.customerId, purpose: row.purpose, granted: false, channel, recordedAt })),
    );
  }
}
