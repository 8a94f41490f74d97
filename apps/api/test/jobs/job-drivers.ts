import type { DataSource } from 'typeorm';
import { InProcessJobs } from '../../src/queue/in-process/in-process-jobs';
import type { TJobDriver, TJobDriverName } from '../../src/queue/job-driver';
import { jobHandlers } from '../../src/queue/job-handlers';
import type { TJobHandlers } from '../../src/queue/job-registry';
import { JobRuntime } from '../../src/queue/job-runtime';
import { wipeRedisPrefix } from './jobs-fixtures';

/** Both drivers, for `describe.each(JOB_DRIVERS)`: a job test runs under each wherever it applies. */
export const JOB_DRIVERS: readonly TJobDriverName[] = ['redis', 'in-process'];

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

export interface TTestJobsOptions {
  dataSource: DataSource;
  /** The Redis key prefix of the test (testQueuePrefix); unused in process. */
  prefix: string;
  /** The handlers to run (jobHandlers by default). */
  handlers?: TJobHandlers;
  /** How long a claim or a job's lock lasts. */
  lockMs?: number;
}

/** A driver polling every 100 ms, so that tests wait little; both are stopped with `stop()`. */
export function startTestJobs(driver: TJobDriverName, options: TTestJobsOptions): TJobDriver {
  const handlers = options.handlers ?? jobHandlers(options.dataSource);
  const log = (): void => undefined;
  if (driver === 'in-process') return InProcessJobs.start({ dataSource: options.dataSource, handlers, pollIntervalMs: 100, leaseMs: options.lockMs, log });
  return JobRuntime.start({
    dataSource: options.dataSource,
    redisUrl: TEST_REDIS_URL,
    prefix: options.prefix,
    handlers,
    relayIntervalMs: 100,
    reconcileIntervalMs: 200,
    reconcileAfterSeconds: 0,
    lockDurationMs: options.lockMs,
    log,
  });
}

/** Stops the driver and deletes what the test left in Redis under its prefix. */
export async function stopTestJobs(jobs: TJobDriver, prefix: string): Promise<void> {
  await jobs.stop();
  await wipeRedisPrefix(TEST_REDIS_URL, prefix);
}
