export { RecommendationModule } from './recommendation.module';

export const RECOMMENDATION_ENTITIES: (abstract new (...args: never[]) => unknown)[] = [];
