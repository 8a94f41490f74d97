import type { DataSource } from 'typeorm';
import type { TAppConfig } from '../config/app-config';
import { maskUrl } from '../config/load-config';
import { describeRedisTarget } from '../config/redis-target';
import type { Logger } from 'pino';
import { observeJobs } from '../common/observability/observed-jobs';
import { createJobLogger } from '../common/observability/logging';
import { InProcessJobs } from './in-process/in-process-jobs';
import type { TJobDriver, TJobDriverName } from './job-driver';
import { jobHandlers } from './job-handlers';
import { JobRuntime } from './job-runtime';
import { redisAnswers } from './redis-connection';

/** How long the start waits for Redis to answer before `auto` runs the jobs in process. */
const REDIS_PROBE_MS = 2000;

export interface TJobDriverChoice {
  name: TJobDriverName;
  /** For the start-up log: why this driver. */
  reason: string;
}

/**
 * Settles JOBS_DRIVER: `auto` takes Redis whenever it answers at start, and otherwise runs the jobs
 * in this process from the outbox, so that `pnpm start` on a machine without Redis still does them.
 * The choice holds until the next start: a Redis that comes up later is used after a restart.
 */
export async function chooseJobDriver(config: TAppConfig): Promise<TJobDriverChoice> {
  const redis = describeRedisTarget(config.redis, maskUrl);
  if (config.jobsDriver === 'redis') return { name: 'redis', reason: `JOBS_DRIVER=redis, Redis at ${redis}` };
  if (config.jobsDriver === 'in-process') return { name: 'in-process', reason: 'JOBS_DRIVER=in-process' };
  return (await redisAnswers(config.redis, REDIS_PROBE_MS))
    ? { name: 'redis', reason: `Redis at ${redis} answers` }
    : { name: 'in-process', reason: `no Redis answers at ${redis}; the jobs run in this process from the outbox` };
}

/**
 * The jobs with the deployment's settings: BullMQ workers (`worker.ts`, and `pnpm start` with Redis),
 * or the in-process driver (`pnpm start` without Redis).
 */
export function startJobs(config: TAppConfig, dataSource: DataSource, driver: TJobDriverName, logger: Logger = createJobLogger(config)): TJobDriver {
  const handlers = observeJobs(jobHandlers(dataSource, config.auditKey), logger);
  if (driver === 'in-process') return InProcessJobs.start({ dataSource, handlers, leaseMs: config.jobLockMs });
  return JobRuntime.start({ dataSource, redisUrl: config.redisUrl, redis: config.redis, prefix: config.queuePrefix, handlers, lockDurationMs: config.jobLockMs });
}
