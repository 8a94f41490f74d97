/**
 * Who runs the jobs of the outbox: BullMQ workers on Redis (any number of processes), or the
 * single process of `pnpm start` itself, straight from PostgreSQL, when no Redis answers.
 */
export const JOB_DRIVER_NAMES = ['redis', 'in-process'] as const;
export type TJobDriverName = (typeof JOB_DRIVER_NAMES)[number];

/** What the process that started a driver needs of it: its name (logs, health) and a graceful stop. */
export interface TJobDriver {
  readonly name: TJobDriverName;
  /** Stops taking work, lets running jobs finish, then closes every connection. */
  stop(): Promise<void>;
}
