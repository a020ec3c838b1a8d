import { createResultUnion } from '@omnitill/common';
import { RecommendationsNotPermittedError } from '../../errors/recommendation.errors';
import { RecommendationsType } from '../types/recommendation.type';

export const CustomerRecommendationsResult = createResultUnion('CustomerRecommendationsResult', RecommendationsType, [RecommendationsNotPermittedError]);
