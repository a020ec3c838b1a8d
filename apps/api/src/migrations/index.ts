import type { MigrationInterface } from 'typeorm';
import { Foundation1795457770448 } from './1795457770448-Foundation';

type MigrationClass = new () => MigrationInterface;

// Every migration, in order. `npm run migration:generate -- <Name>` adds new ones here.
export const ALL_MIGRATIONS: MigrationClass[] = [
  Foundation1795457770448,
];
