import { Module } from '@nestjs/common';

/** Sales, pickup, returns, campaign attribution and cross-channel reports (GraphQL and CSV). */
@Module({})
export class ReportingModule {}
