import { Module, OnModuleInit } from '@nestjs/common';
import { CustomerAccountResolver } from './api/customer-account.resolver';
import { CustomerPosResolver } from './api/customer-pos.resolver';
import { CustomerSupportResolver } from './api/customer-support.resolver';
import { CustomerDataExporterRegistry, CustomerErasureRegistry } from './registries/customer-data.registry';
import { CustomerMergeRegistry } from './registries/customer-merge.registry';
import { CustomerTimelineRegistry } from './registries/customer-timeline.registry';
import { CustomerConsentRepository } from './repositories/customer-consent.repository';
import { CustomerMergeRepository } from './repositories/customer-merge.repository';
import { CustomerRepository } from './repositories/customer.repository';
import { CustomerSignInAttemptRepository } from './repositories/customer-sign-in-attempt.repository';
import { CustomerAccountService } from './services/customer-account.service';
import { CustomerEventsService } from './services/customer-events.service';
import { CustomerIdentificationService } from './services/customer-identification.service';
import { CustomerMergeService } from './services/customer-merge.service';
import { CustomerPrivacyService } from './services/customer-privacy.service';
import { CustomerProfileService } from './services/customer-profile.service';
import { CustomerTimelineService } from './services/customer-timeline.service';
import { CustomerProfileTimelineSource } from './timeline/customer-profile.timeline-source';

const REGISTRIES = [CustomerMergeRegistry, CustomerDataExporterRegistry, CustomerErasureRegistry, CustomerTimelineRegistry];
const PUBLIC_SERVICES = [CustomerProfileService, CustomerIdentificationService, CustomerAccountService];

/**
 * Customer profiles across channels. Libs above register merge participants, data exporters,
 * erasure participants and timeline sources in the exported registries at module init.
 */
@Module({
  providers: [
    CustomerRepository,
    CustomerConsentRepository,
    CustomerMergeRepository,
    CustomerSignInAttemptRepository,
    ...REGISTRIES,
    ...PUBLIC_SERVICES,
    CustomerEventsService,
    CustomerMergeService,
    CustomerPrivacyService,
    CustomerTimelineService,
    CustomerProfileTimelineSource,
    CustomerAccountResolver,
    CustomerPosResolver,
    CustomerSupportResolver,
  ],
  exports: [...REGISTRIES, ...PUBLIC_SERVICES],
})
export class CustomerModule implements OnModuleInit {
  constructor(
    private readonly timeline: CustomerTimelineRegistry,
    private readonly profileSource: CustomerProfileTimelineSource,
  ) {}

  onModuleInit(): void {
    this.timeline.register(this.profileSource);
  }
}
