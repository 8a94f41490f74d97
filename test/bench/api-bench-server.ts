import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/load-config';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { seedPeople } from '../../apps/api/test/utils/seed-people';
import { createTestDatabase } from '../../apps/api/test/utils/test-database';

/**
 * The real API on a fresh database of its own, in a child process of the API benches (see
 * api-bench-register.cjs for why a child). Tells the parent its URL; stops and drops the database
 * when the parent says 'stop'.
 */
async function main(): Promise<void> {
  const db = await createTestDatabase();
  const dataSource = createDataSource(db.url, { poolSize: 20, applicationName: 'budgetflow-bench' });
  await dataSource.initialize();
  await seedPeople(dataSource);
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'error', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret' });
  const app = await createApp(config, dataSource);
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): { port: number } }).address();
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void app
      .close()
      .then(() => (dataSource.isInitialized ? dataSource.destroy() : undefined))
      .then(() => db.drop())
      .then(() => process.exit(0));
  });
  process.send?.({ url: `http://127.0.0.1:${address.port}`, databaseUrl: db.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
