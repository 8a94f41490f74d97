import type { TBudgetJob } from '@budgetflow/domain';

/** The outbox topics the desks speak of (apps/api/src/queue/job-registry.ts). */
export const TOTALS_TOPIC = 'budget.totals';
export const NOTIFY_TOPIC = 'budget.notify';
export const RENDER_PUBLICATION_TOPIC = 'budget.render-publication';

const isPending = (job: TBudgetJob) => job.state === 'waiting' || job.state === 'queued';
const isDoneTotals = (job: TBudgetJob) => job.topic === TOTALS_TOPIC && job.state === 'done';

/** A recompute is waiting or running: the stored totals are not yet those of the last edit. */
export function isRecomputing(jobs: readonly TBudgetJob[]): boolean {
  return jobs.some((job) => job.topic === TOTALS_TOPIC && isPending(job));
}

/** The newest publication rendering (the list is newest first), if the budget has one. */
export function latestRendering(jobs: readonly TBudgetJob[]): TBudgetJob | undefined {
  return jobs.find((job) => job.topic === RENDER_PUBLICATION_TOPIC);
}

/**
 * The failures still worth telling: every failed job, except a recompute that a later one has done
 * since (each recompute derives the whole budget afresh, so the later one repaired the totals).
 */
export function standingFailures(jobs: readonly TBudgetJob[]): TBudgetJob[] {
  return jobs.filter(
    (job, i) =>
      job.state === 'failed' && !(job.topic === TOTALS_TOPIC && jobs.slice(0, i).some(isDoneTotals)),
  );
}

/**
 * Whether a recompute has finished between two lists of the jobs. The first list seen (`before`
 * undefined) only sets the start: the budget was read at about the same time.
 */
export function totalsFinished(
  before: readonly TBudgetJob[] | undefined,
  after: readonly TBudgetJob[],
): boolean {
  if (before === undefined) return false;
  const doneBefore = new Set(before.filter(isDoneTotals).map((job) => job.id));
  return after.some((job) => isDoneTotals(job) && !doneBefore.has(job.id));
}
