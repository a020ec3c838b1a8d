import { Module, OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '@omnitill/catalog';
import { CustomerDataExporterRegistry, CustomerMergeRegistry, CustomerModule, CustomerTimelineRegistry } from '@omnitill/customer';
import { StoreModule } from '@omnitill/store';
import { CampaignResolver } from './api/campaign.resolver';
import { CouponCheckoutResolver } from './api/coupon-checkout.resolver';
import { CouponCodeResolver } from './api/coupon-code.resolver';
import { CouponIssuingResolver } from './api/coupon-issuing.resolver';
import { CouponDataExporter, CouponMergeParticipant, CouponTimelineSource } from './participants/coupon-customer.participants';
import { CampaignRepository } from './repositories/campaign.repository';
import { CouponCodeRepository } from './repositories/coupon-code.repository';
import { CouponGuessRepository } from './repositories/coupon-guess.repository';
import { CouponCustomerRepository } from './repositories/coupon-customer.repository';
import { CouponRedemptionRepository } from './repositories/coupon-redemption.repository';
import { CampaignAdminService } from './services/campaign-admin.service';
import { CouponCodeAdminService } from './services/coupon-code-admin.service';
import { CouponEvaluationService } from './services/coupon-evaluation.service';
import { CouponEventsService } from './services/coupon-events.service';
import { CouponIssuingService } from './services/coupon-issuing.service';
import { CouponPreviewService } from './services/coupon-preview.service';
import { CouponRedemptionService } from './services/coupon-redemption.service';
import { CouponTokenService } from './services/coupon-token.service';

/**
 * Campaigns, codes (shared and single-use), QR tokens, previews and redemptions. Registers with the
 * customer lib so merges move coupons, exports include them and the timeline shows them.
 */
@Module({
  imports: [StoreModule, CatalogModule, CustomerModule],
  providers: [
    CampaignRepository,
    CouponCodeRepository,
    CouponRedemptionRepository,
    CouponCustomerRepository,
    CouponGuessRepository,
    CouponTokenService,
    CouponEventsService,
    CampaignAdminService,
    CouponCodeAdminService,
    CouponIssuingService,
    CouponEvaluationService,
    CouponPreviewService,
    CouponRedemptionService,
    CouponMergeParticipant,
    CouponDataExporter,
    CouponTimelineSource,
    CampaignResolver,
    CouponCodeResolver,
    CouponIssuingResolver,
    CouponCheckoutResolver,
  ],
  exports: [CouponRedemptionService, CouponPreviewService, CouponIssuingService],
})
export class CouponModule implements OnModuleInit {
  constructor(
    private readonly merges: CustomerMergeRegistry,
    private readonly exporters: CustomerDataExporterRegistry,
    private readonly timeline: CustomerTimelineRegistry,
    private readonly mergeParticipant: CouponMergeParticipant,
    private readonly exporter: CouponDataExporter,
    private readonly timelineSource: CouponTimelineSource,
  ) {}

  onModuleInit(): void {
    this.merges.register(this.mergeParticipant);
    this.exporters.register(this.exporter);
    this.timeline.register(this.timelineSource);
  }
}
