import type { JobsOptions } from 'bullmq';

/** Attempts of a job before it goes to the dead-letter list, under either driver. */
export const JOB_ATTEMPTS = 5;
/** The first retry's wait; each further retry waits twice as long as the one before. */
export const JOB_BACKOFF_MS = 1000;

/** BullMQ's exponential backoff (delay · 2^(attempts made − 1)), for the in-process driver to wait alike. */
export function backoffMs(attemptsMade: number): number {
  return JOB_BACKOFF_MS * 2 ** Math.max(0, attemptsMade - 1);
}

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s …); after the last attempt a job stays in the
 * failed set, which is the dead-letter list administrators see and retry. Completed jobs are kept
 * for a day so that a late duplicate add of the same id is still recognised.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};
