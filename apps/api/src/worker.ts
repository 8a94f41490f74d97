import './common/observability/start-tracing';
import { ConfigError, loadConfig, maskUrl } from './config/load-config';
import { createDataSource } from './database/data-source';
import { migrateUnderLock } from './database/migrate';
import { locateDatabase } from './database/postgres-locator';
import { describeRedisTarget } from './config/redis-target';
import { redisAnswers } from './queue/redis-connection';
import { startJobs } from './queue/start-jobs';
import { BudgetflowMetrics } from './common/observability/metrics';
import { serveWorkerHttp } from './common/observability/worker-http';
import { JobRuntime } from './queue/job-runtime';

/** How long a worker waits at start for Redis to answer before it gives up. */
const REDIS_PROBE_MS = 5000;

/** The variable that named the Redis a worker could not reach. */
const REDIS_VARIABLE = { standalone: 'REDIS_URL', sentinel: 'REDIS_SENTINELS', cluster: 'REDIS_CLUSTER_NODES' } as const;

/** A worker that cannot work here: its message is said plainly, without a stack. */
class WorkerRefused extends Error {}

/**
 * The job worker: `node dist/worker.js` (or `tsx src/worker.ts`), as many as needed on one Redis
 * and one PostgreSQL. SIGTERM/SIGINT stop it gracefully: no new jobs, running ones finish.
 * Workers exist to share Redis's queues: without Redis there is nothing to share, and the single
 * process of `pnpm start` runs the jobs itself, so a worker refuses to start.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.jobsDriver === 'in-process') {
    throw new WorkerRefused('[worker] JOBS_DRIVER=in-process: the in-process jobs run inside `pnpm start` (apps/api/dist/main.js) only; a worker needs Redis.');
  }
  if (!(await redisAnswers(config.redis, REDIS_PROBE_MS))) {
    throw new WorkerRefused(
      `[worker] Redis does not answer at ${describeRedisTarget(config.redis, maskUrl)} (${REDIS_VARIABLE[config.redis.kind]}): a worker process needs Redis. ` +
        'Start Redis, or run the jobs without it in the single process of `pnpm start` (apps/api/dist/main.js).',
    );
  }
  const database = await locateDatabase(config);
  const dataSource = createDataSource(database.url, { poolSize: 5, applicationName: 'budgetflow-worker' });
  await dataSource.initialize();
  await migrateUnderLock(dataSource);
  const runtime = startJobs(config, dataSource, 'redis');
  // A worker has no HTTP port of its own: WORKER_PORT gives it one, for probes and Prometheus only.
  const metrics = new BudgetflowMetrics({ dataSource, queues: () => (runtime instanceof JobRuntime ? runtime.queues : undefined) });
  const httpServer = config.workerPort === undefined ? undefined : serveWorkerHttp(config.workerPort, dataSource, metrics, config.metricsToken);
  console.log(`[worker] ready (queue prefix ${config.queuePrefix}, pid ${process.pid})`);
  const shutdown = async (signal: string): Promise<void> => {
    console.log(`[worker] ${signal}: finishing running jobs`);
    httpServer?.close();
    await runtime.stop();
    await dataSource.destroy();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof WorkerRefused ? error.message : error);
  process.exit(1);
});
