import type { DataSource } from 'typeorm';
import type { TAppConfig } from '../config/app-config';
import { jobHandlers } from './job-handlers';
import { JobRuntime } from './job-runtime';

/**
 * The worker side with the deployment's settings: used by `worker.ts`, and by the API process
 * when it runs the jobs beside itself (`pnpm start` on one machine).
 */
export function startJobs(config: TAppConfig, dataSource: DataSource): JobRuntime {
  return JobRuntime.start({
    dataSource,
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix,
    handlers: jobHandlers(dataSource),
    lockDurationMs: config.jobLockMs,
  });
}
