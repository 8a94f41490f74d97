import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TTestDatabase } from '../../../apps/api/test/utils/test-database';
import { startBudgetflow, type TRunningBudgetflow } from '../../../apps/api/src/bootstrap';
import { loadConfig } from '../../../apps/api/src/config/load-config';
import { createDataSource } from '../../../apps/api/src/database/data-source';
import { jobHandlers } from '../../../apps/api/src/queue/job-handlers';
import { JobRuntime } from '../../../apps/api/src/queue/job-runtime';

export const DEMO_PASSWORD = 'e2e-demo-password';

export interface TBudgetflowServer {
  baseUrl: string;
  /** Its database, for stories that set up more than the workflow makes in time (published copies). */
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Budgetflow as `pnpm start` brings it up (startBudgetflow: migrations, demo people and the seed's
 * 2020 draft, the API serving the built web client), plus a job worker, on a database and a
 * queue prefix of their own.
 */
export async function startBudgetflowServer(): Promise<TBudgetflowServer> {
  const db: TTestDatabase = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    LOG_LEVEL: 'error',
    SESSION_SECRET: `e2e-${randomBytes(24).toString('hex')}`,
    DEMO_PASSWORD,
    QUEUE_PREFIX: `e2e_${randomBytes(4).toString('hex')}`,
  });
  let running: TRunningBudgetflow | undefined;
  let worker: JobRuntime | undefined;
  const workerData = createDataSource(db.url, { poolSize: 3, applicationName: 'budgetflow-e2e-worker' });
  try {
    running = await startBudgetflow(config);
    await running.app.listen(0, '127.0.0.1');
    await workerData.initialize();
    worker = JobRuntime.start({
      dataSource: workerData,
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
      handlers: jobHandlers(workerData),
      lockDurationMs: config.jobLockMs,
    });
  } catch (error) {
    await worker?.stop();
    if (workerData.isInitialized) await workerData.destroy();
    await running?.stop();
    await db.drop();
    throw error;
  }
  const server = running.app.getHttpServer() as { address(): AddressInfo };
  const app = running;
  const runtime = worker;
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    databaseUrl: db.url,
    async stop() {
      await runtime.stop();
      await workerData.destroy();
      await app.stop();
      await db.drop();
    },
  };
}
