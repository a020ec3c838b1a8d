import { RECOMMENDATION_ENTITY_CLASSES } from './entities/recommendation.entities';

export { RecommendationModule } from './recommendation.module';
export { RecommendationService } from './services/recommendation.service';
export type { CustomerRecommendations } from './services/recommendation.service';
export { CoPurchaseRebuildService } from './services/co-purchase-rebuild.service';
export { CoPurchaseCatchUp } from './services/co-purchase-catch-up.service';
export { CoPurchaseSubscriber } from './services/co-purchase-subscriber';
export { RecommendationsNotPermittedError, RecommendationRefusal } from './errors/recommendation.errors';
export { RecommendationReason } from './rules/recommendation-list';

export const RECOMMENDATION_ENTITIES: (abstract new (...args: never[]) => unknown)[] = [...RECOMMENDATION_ENTITY_CLASSES];
