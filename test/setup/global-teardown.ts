import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__OMNITILL_TEST_DB__;
  if (!state) {
    return;
  }
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  // Test databases left by crashed files are cloned from this template: drop them too.
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2",
    [state.template, `${state.template}_t%`],
  );
  for (const { datname } of rows) {
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await admin.end();
  await state.stop();
}
