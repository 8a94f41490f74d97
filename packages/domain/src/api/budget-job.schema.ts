import { z } from 'zod';

/**
 * waiting: not yet handed to the queue; queued: with a worker, or retrying after a failed attempt;
 * failed: out of attempts, in the dead-letter list until an administrator retries it; done: its
 * effect is stored.
 */
export const ZBudgetJobState = z.enum(['waiting', 'queued', 'failed', 'done']);

/**
 * One of a budget's background jobs (its outbox row), as GET /api/budgets/:id/jobs and the budget's
 * event stream list them, newest first.
 */
export const ZBudgetJob = z.object({
  id: z.string(),
  topic: z.string(),
  state: ZBudgetJobState,
  createdAt: z.iso.datetime(),
  doneAt: z.iso.datetime().nullable(),
  /** Attempts finished so far, counted while the job is not done (0 once done or without Redis). */
  attempts: z.number().int(),
  /** Why the last attempt failed, while the job is not done. */
  failedReason: z.string().nullable(),
});

export type TBudgetJobState = z.output<typeof ZBudgetJobState>;
export type TBudgetJob = z.output<typeof ZBudgetJob>;
