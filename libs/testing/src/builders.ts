import { randomBytes } from 'node:crypto';
import { TestApp } from './test-app';

let sequence = 0;

/** A unique suffix so builders never collide within one database. */
export function unique(prefix = ''): string {
  sequence += 1;
  return `${prefix}${sequence}${randomBytes(2).toString('hex')}`.toUpperCase();
}

export interface StoreOverrides {
  code?: string;
  name?: string;
  latitude?: number;
  longitude?: number;
  offersPickup?: boolean;
  holdPeriodDays?: number;
  pickupPromiseMinutes?: number;
}

export function storeInput(overrides: StoreOverrides = {}): Record<string, unknown> {
  return {
    code: overrides.code ?? unique('ST-'),
    name: overrides.name ?? 'Test store',
    address: { line1: 'Main St 1', city: 'Berlin', postalCode: '10115', countryCode: 'DE' },
    timezone: 'Europe/Berlin',
    latitude: overrides.latitude ?? 52.52,
    longitude: overrides.longitude ?? 13.405,
    openingHours: [{ dayOfWeek: 1, opens: '09:00', closes: '18:00' }],
    offersPickup: overrides.offersPickup ?? true,
    holdPeriodDays: overrides.holdPeriodDays ?? 7,
    pickupPromiseMinutes: overrides.pickupPromiseMinutes ?? 120,
  };
}

export async function createStore(app: TestApp, adminToken: string, overrides: StoreOverrides = {}): Promise<{ id: string; code: string }> {
  const data = await app.ok<{ createStore: { id: string; code: string } }>(
    'mutation($input: CreateStoreInput!) { createStore(input: $input) { ... on Store { id code } } }',
    { input: storeInput(overrides) },
    { token: adminToken },
  );
  return data.createStore;
}

export async function registerTerminal(app: TestApp, token: string, storeId: string): Promise<{ id: string; key: string }> {
  const data = await app.ok<{ registerTerminal: { terminal: { id: string }; terminalKey: string } }>(
    'mutation($input: RegisterTerminalInput!) { registerTerminal(input: $input) { terminal { id } terminalKey } }',
    { input: { storeId, name: 'Till' } },
    { token },
  );
  return { id: data.registerTerminal.terminal.id, key: data.registerTerminal.terminalKey };
}

export async function createStaff(
  app: TestApp,
  adminToken: string,
  role: 'CASHIER' | 'STORE_MANAGER' | 'SUPPORT_AGENT' | 'ADMIN',
  storeIds: string[],
  password = 'staff-password-123',
): Promise<{ id: string; email: string; password: string }> {
  const email = `${role.toLowerCase()}-${unique()}@test.local`.toLowerCase();
  const data = await app.ok<{ createStaffUser: { id: string } }>(
    'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { ... on StaffUser { id } } }',
    { input: { email, name: role, password, role, storeIds } },
    { token: adminToken },
  );
  return { id: data.createStaffUser.id, email, password };
}

export async function createStorefrontKey(app: TestApp, adminToken: string): Promise<string> {
  const data = await app.ok<{ createStorefrontApiKey: { key: string } }>(
    'mutation { createStorefrontApiKey(input: { name: "web" }) { key } }',
    {},
    { token: adminToken },
  );
  return data.createStorefrontApiKey.key;
}
