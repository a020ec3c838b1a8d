import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { StaffAdminService, StorefrontKeyService } from '@omnitill/auth';
import { isErrorResult, RequestContext, SortDirection, StaffRole, TransactionRunner } from '@omnitill/common';
import { StoreService, StoreSortField, TerminalService } from '@omnitill/store';
import { CatalogAdminService } from '@omnitill/catalog';
import { DEMO_PASSWORD, DEMO_PRODUCTS, DEMO_STORES } from './demo-data';

/**
 * Loads the demo data set (3 stores in Berlin, staff for each role, a terminal per store,
 * a storefront key and the catalog) into an empty database. Keys are random; they are written to
 * DATA_DIR/demo-credentials.json and logged once.
 */
export async function seedDemoDataIfEmpty(app: INestApplication, logger: Logger, dataDir: string): Promise<boolean> {
  const ctx = RequestContext.system('seed');
  const stores = app.get(StoreService);
  if ((await stores.list(ctx, { skip: 0, take: 1, sortBy: StoreSortField.CODE, sortDirection: SortDirection.ASC })).totalCount > 0) {
    return false;
  }
  const credentials = await app.get(TransactionRunner).run(ctx, async (tx) => {
    const staff = app.get(StaffAdminService);
    const terminals = app.get(TerminalService);
    const storeIds: string[] = [];
    const terminalKeys: Record<string, string> = {};
    for (const input of DEMO_STORES) {
      const store = await stores.create(tx, input);
      if (isErrorResult(store)) {
        throw new Error(store.message);
      }
      storeIds.push(store.id);
      terminalKeys[store.code] = (await terminals.register(tx, store.id, `${store.code} till 1`)).terminalKey;
      const slug = store.code.toLowerCase();
      for (const [role, prefix] of [[StaffRole.STORE_MANAGER, 'manager'], [StaffRole.CASHIER, 'cashier']] as const) {
        const created = await staff.create(tx, {
          email: `${prefix}.${slug}@omnitill.local`,
          name: `${store.name} ${prefix}`,
          password: DEMO_PASSWORD,
          role,
          storeIds: [store.id],
        });
        if (isErrorResult(created)) {
          throw new Error(created.message);
        }
      }
    }
    for (const [role, email] of [[StaffRole.ADMIN, 'admin@omnitill.local'], [StaffRole.SUPPORT_AGENT, 'support@omnitill.local']] as const) {
      const created = await staff.create(tx, { email, name: role.toLowerCase(), password: DEMO_PASSWORD, role, storeIds: [] });
      if (isErrorResult(created)) {
        throw new Error(created.message);
      }
    }
    const catalog = app.get(CatalogAdminService);
    for (const product of DEMO_PRODUCTS) {
      const created = await catalog.createProduct(tx, product);
      if (isErrorResult(created)) {
        throw new Error(created.message);
      }
    }
    const storefront = await app.get(StorefrontKeyService).create(tx, 'Demo web shop');
    return { password: DEMO_PASSWORD, storefrontKey: storefront.key, terminalKeys };
  });
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'demo-credentials.json');
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  logger.info({ file, ...credentials }, 'demo data loaded: staff log in as admin@omnitill.local (password below); keys are in the file');
  return true;
}
