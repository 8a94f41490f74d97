import { loadConfig } from '../../src/config/load-config';
import { createDataSource } from '../../src/database/data-source';
import { startJobs } from '../../src/queue/start-jobs';

/**
 * The in-process driver alone, as `pnpm start` runs it beside the API, in a process that a test can
 * kill in the middle of a job (the API itself needs decorator metadata, which tsx does not emit).
 * DATABASE_URL names a migrated database; JOB_LOCK_MS is the claims' lease.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = createDataSource(config.databaseUrl ?? '', { poolSize: 4, applicationName: 'budgetflow-in-process-test' });
  await dataSource.initialize();
  const jobs = startJobs(config, dataSource, 'in-process');
  console.log(`[jobs] ready (${jobs.name}, pid ${process.pid})`);
  process.once('SIGTERM', () => {
    void jobs.stop().then(() => dataSource.destroy()).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
