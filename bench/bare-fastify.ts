/* The runtime's own ceiling: a bare Fastify route (no Nest, no GraphQL) running the same
 * availability SELECT as the API through a pg pool. Started as a child process by the benchmark. */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { availabilitySql } from './queries';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 20) });
  const app = Fastify({ logger: false });
  app.post<{ Body: { storeId: string; variantIds: string[] } }>('/availability', async (request) => {
    // A named prepared statement per basket size, as the API's hot reads use (queryPrepared, inList).
    const { storeId, variantIds } = request.body;
    const { rows } = await pool.query({ name: `availability_${variantIds.length}`, text: availabilitySql(variantIds.length), values: [storeId, ...variantIds] });
    return { data: rows };
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void app.close().then(() => pool.end()).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
