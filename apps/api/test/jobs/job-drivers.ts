import type { DataSource } from 'typeorm';
import { InProcessJobs } from '../../src/queue/in-process/in-process-jobs';
import type { TJobDriver, TJobDriverName } from '../../src/queue/job-driver';
import { jobHandlers } from '../../src/queue/job-handlers';
import { TOPIC_ROUTES, type TJobHandlers } from '../../src/queue/job-registry';
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

/** What the jobs of a topic returned: BullMQ keeps it on the completed job, the in-process driver on the outbox row. */
export async function outcomesOf(jobs: TJobDriver, dataSource: DataSource, topic: string): Promise<string[]> {
  const route = TOPIC_ROUTES[topic];
  if (route === undefined) throw new Error(`no route for ${topic}`);
  if (jobs instanceof JobRuntime) return (await jobs.queues[route.queue].getCompleted(0, 10_000)).filter((job) => job.name === route.jobName).map((job) => String(job.returnvalue));
  const rows: { result: string }[] = await dataSource.query(`SELECT result FROM outbox WHERE topic = $1 AND result IS NOT NULL ORDER BY id`, [topic]);
  return rows.map((row) => row.result);
}
