import { Module } from '@nestjs/common';
import { CustomerModule } from '@omnitill/customer';
import { RecommendationResolver } from './api/recommendation.resolver';
import { RECOMMENDATION_OPTIONS, readRecommendationOptions } from './recommendation.options';
import { CoPurchaseRepository } from './repositories/co-purchase.repository';
import { PurchaseSourceRepository } from './repositories/purchase-source.repository';
import { RecommendationQueryRepository } from './repositories/recommendation-query.repository';
import { BestSellerRanking } from './services/best-seller-ranking.service';
import { CoPurchaseCatchUp } from './services/co-purchase-catch-up.service';
import { CoPurchaseRebuildService } from './services/co-purchase-rebuild.service';
import { CoPurchaseSubscriber } from './services/co-purchase-subscriber';
import { CoPurchaseUpdater } from './services/co-purchase-updater.service';
import { RecommendationService } from './services/recommendation.service';

/** Item-to-item recommendations from every channel's purchase history (see README.md). */
@Module({
  imports: [CustomerModule],
  providers: [
    { provide: RECOMMENDATION_OPTIONS, useFactory: () => readRecommendationOptions(process.env) },
    PurchaseSourceRepository,
    CoPurchaseRepository,
    RecommendationQueryRepository,
    CoPurchaseUpdater,
    CoPurchaseSubscriber,
    CoPurchaseCatchUp,
    CoPurchaseRebuildService,
    BestSellerRanking,
    RecommendationService,
    RecommendationResolver,
  ],
  exports: [CoPurchaseRebuildService, CoPurchaseCatchUp, RecommendationService],
})
export class RecommendationModule {}
