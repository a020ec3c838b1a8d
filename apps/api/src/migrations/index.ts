import type { MigrationInterface } from 'typeorm';
import { Foundation1795457770448 } from './1795457770448-Foundation';
import { Catalog1795457912913 } from './1795457912913-Catalog';
import { Inventory1795458553181 } from './1795458553181-Inventory';
import { Customers1795460187224 } from './1795460187224-Customers';
import { CouponsOrdersEvents1795461591657 } from './1795461591657-CouponsOrdersEvents';
import { Returns1795461889424 } from './1795461889424-Returns';
import { HardeningAuditTrail1796021735109 } from './1796021735109-HardeningAuditTrail';
import { Recommendations1796021808069 } from './1796021808069-Recommendations';
import { TerminalKeyRotation1796025572572 } from './1796025572572-TerminalKeyRotation';
import { ReportSaleLine1796033940445 } from './1796033940445-ReportSaleLine';
import { RecommendationScores1796034007667 } from './1796034007667-RecommendationScores';
import { PartialIndexesOnNullableLookups1796044211933 } from './1796044211933-PartialIndexesOnNullableLookups';

type MigrationClass = new () => MigrationInterface;

// Every migration, in order. `npm run migration:generate -- <Name>` adds new ones here.
export const ALL_MIGRATIONS: MigrationClass[] = [
  Foundation1795457770448,
  Catalog1795457912913,
  Inventory1795458553181,
  Customers1795460187224,
  CouponsOrdersEvents1795461591657,
  Returns1795461889424,
  HardeningAuditTrail1796021735109,
  Recommendations1796021808069,
  TerminalKeyRotation1796025572572,
  ReportSaleLine1796033940445,
  RecommendationScores1796034007667,
  PartialIndexesOnNullableLookups1796044211933,
];
