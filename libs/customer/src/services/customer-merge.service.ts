import { Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditTrail, BadInputException, Clock, NotFoundException, RequestContext } from '@omnitill/common';
import { CustomerProfile } from '../entities/customer-consent.entity';
import { CustomerMergeEntity } from '../entities/customer-merge.entity';
import { CustomerMergeRegistry } from '../registries/customer-merge.registry';
import { CustomerConsentRepository } from '../repositories/customer-consent.repository';
import { CustomerMergeRepository } from '../repositories/customer-merge.repository';
import { CustomerRepository } from '../repositories/customer.repository';
import { CustomerEventsService } from './customer-events.service';
import { CustomerProfileService } from './customer-profile.service';

/**
 * Support merges a duplicate profile into a survivor: consents and everything registered through
 * the CustomerMergeRegistry (orders, redemptions, returns) move to the survivor in ONE transaction,
 * the merge is recorded, and the duplicate points at the survivor. Repeating a merge is harmless.
 */
@Injectable()
export class CustomerMergeService {
  private readonly logger = new Logger(CustomerMergeService.name);

  constructor(
    private readonly customers: CustomerRepository,
    private readonly consents: CustomerConsentRepository,
    private readonly merges: CustomerMergeRepository,
    private readonly profiles: CustomerProfileService,
    private readonly registry: CustomerMergeRegistry,
    private readonly events: CustomerEventsService,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** Must run in a transaction. Returns the survivor (for an already merged profile, its survivor). */
  async merge(ctx: RequestContext, survivorId: string, mergedId: string): Promise<CustomerProfile> {
    if (survivorId === mergedId) {
      throw new BadInputException('A profile cannot be merged into itself', [{ field: 'mergedId', messages: ['must differ from survivorId'] }]);
    }
    // Both rows locked in id order: concurrent merges of overlapping profiles queue up here.
    const locked = await this.customers.lockByIds(ctx, [survivorId, mergedId]);
    const survivor = locked.find((customer) => customer.id === survivorId);
    const merged = locked.find((customer) => customer.id === mergedId);
    if (!survivor || !merged) {
      throw new NotFoundException('Customer', survivor ? mergedId : survivorId);
    }
    if (merged.mergedIntoId !== null) {
      return this.profiles.getProfile(ctx, merged.mergedIntoId);
    }
    if (survivor.mergedIntoId === merged.id) {
      // The same pair merged the other way round before: already one profile.
      return this.profiles.profileOf(ctx, merged);
    }
    if (survivor.mergedIntoId !== null) {
      throw new BadInputException(`Customer ${survivorId} was itself merged into ${survivor.mergedIntoId}; merge into that profile`, [
        { field: 'survivorId', messages: ['is a merged profile'] },
      ]);
    }
    if (survivor.erasedAt !== null || merged.erasedAt !== null) {
      throw new BadInputException('Erased profiles cannot be merged');
    }

    const moved: Record<string, number> = { consents: await this.consents.reassign(ctx, merged.id, survivor.id) };
    for (const participant of this.registry.all()) {
      moved[participant.name] = await participant.reassign(ctx, merged.id, survivor.id);
    }
    // A phone only the duplicate knew is worth keeping; the unique index allows one holder at a time.
    if (survivor.phone === null && merged.phone !== null) {
      survivor.phone = merged.phone;
      merged.phone = null;
      await this.customers.save(ctx, merged);
      await this.customers.save(ctx, survivor);
    }
    await this.customers.markMerged(ctx, merged.id, survivor.id);
    await this.merges.insert(ctx, { survivorId: survivor.id, mergedId: merged.id, mergedBy: ctx.actorLabel, movedCounts: moved, mergedAt: this.clock.now() });
    await this.events.merged(ctx, survivor.id, merged.id, moved);
    await this.audit.record(ctx, {
      action: AuditAction.CUSTOMER_MERGE, subjectType: 'customer', subjectId: survivor.id,
      before: { survivorId: survivor.id, mergedId: merged.id }, after: { mergedInto: survivor.id, moved },
    });
    this.logger.log(`customer ${merged.id} merged into ${survivor.id} by ${ctx.actorLabel}: ${JSON.stringify(moved)}`);
    return this.profiles.profileOf(ctx, survivor);
  }

  /** Merges this profile took part in, as survivor or as the merged duplicate, newest first. */
  async mergesOf(ctx: RequestContext, customerId: string): Promise<CustomerMergeEntity[]> {
    await this.profiles.getProfile(ctx, customerId);
    return this.merges.listInvolving(ctx, customerId);
  }
}
