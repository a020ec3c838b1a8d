import { Module } from '@nestjs/common';

/** Item-to-item recommendations from every channel's purchase history. */
@Module({})
export class RecommendationModule {}
