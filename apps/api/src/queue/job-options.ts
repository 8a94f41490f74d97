import type { JobsOptions } from 'bullmq';

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s …); after the last attempt a job stays in the
 * failed set, which is the dead-letter list administrators see and retry. Completed jobs are kept
 * for a day so that a late duplicate add of the same id is still recognised.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};
