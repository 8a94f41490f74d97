import { ConfigError, loadConfig } from './config/load-config';
import { createDataSource } from './database/data-source';
import { migrateUnderLock } from './database/migrate';
import { locateDatabase } from './database/postgres-locator';
import { startJobs } from './queue/start-jobs';

/**
 * The job worker: `node dist/worker.js` (or `tsx src/worker.ts`), as many as needed on one Redis
 * and one PostgreSQL. SIGTERM/SIGINT stop it gracefully: no new jobs, running ones finish.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const database = await locateDatabase(config);
  const dataSource = createDataSource(database.url, { poolSize: 5, applicationName: 'budgetflow-worker' });
  await dataSource.initialize();
  await migrateUnderLock(dataSource);
  const runtime = startJobs(config, dataSource);
  console.log(`[worker] ready (queue prefix ${config.queuePrefix}, pid ${process.pid})`);
  const shutdown = async (signal: string): Promise<void> => {
    console.log(`[worker] ${signal}: finishing running jobs`);
    await runtime.stop();
    await dataSource.destroy();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
