import { z } from 'zod';
import type { TQueueName } from './queue-names';

/** What every relayed job carries: the outbox row it came from (ids, never personal data). */
export const ZOutboxJobData = z.object({
  outboxId: z.string().regex(/^\d+$/),
  topic: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
  /** The request that wrote the row (X-Request-Id), so that the job's log lines name it. */
  requestId: z.string().optional(),
});
export type TOutboxJobData = z.output<typeof ZOutboxJobData>;

export interface TTopicRoute {
  queue: TQueueName;
  jobName: string;
  /** Held back this long, so that a burst of rows (edits) is mostly settled when the first job runs. */
  delayMs?: number;
}

/** Where each outbox topic the API writes goes. */
export const TOPIC_ROUTES: Readonly<Record<string, TTopicRoute>> = {
  'budget.render-publication': { queue: 'publication', jobName: 'render-publication' },
  'budget.render-revision': { queue: 'reports', jobName: 'render-revision' },
  'budget.notify': { queue: 'notifications', jobName: 'notify' },
  'budget.totals': { queue: 'totals', jobName: 'recompute-totals', delayMs: 1000 },
  'audit.sign-head': { queue: 'publication', jobName: 'sign-audit-head' },
};

/**
 * One outbox row, one job id, however often it is relayed or reconciled: BullMQ ignores an add whose
 * id it already holds, so a job is never queued twice. (BullMQ ids may not contain ":".)
 */
export function outboxJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
}

/** What a handler is given: a BullMQ job, or the in-process driver's outbox row; both have a name and data. */
export interface TJobInput {
  name: string;
  data: unknown;
}

export type TJobHandler = (job: TJobInput) => Promise<string>;

/** A handler of relayed outbox rows: the job's data is checked before the handler sees it. */
export function outboxHandler(handle: (data: TOutboxJobData) => Promise<string>): TJobHandler {
  return (job) => handle(ZOutboxJobData.parse(job.data));
}

export const STATUTORY_CLOCK_JOB = 'statutory-clock';
export const PURGE_SESSIONS_JOB = 'purge-sessions';
export const PURGE_OUTBOX_JOB = 'purge-outbox';
export const SIGN_AUDIT_HEAD_DAILY_JOB = 'sign-audit-head-daily';

export interface TScheduledJob {
  queue: TQueueName;
  jobName: string;
  everyMs: number;
}

/** Repeatable jobs: BullMQ runs each once per period, whichever worker takes it; the in-process driver on a timer. */
export const SCHEDULED_JOBS: readonly TScheduledJob[] = [
  { queue: 'publication', jobName: STATUTORY_CLOCK_JOB, everyMs: 3600_000 },
  // One quick DELETE a day needs no queue of its own; notifications' jobs are short database writes too.
  { queue: 'notifications', jobName: PURGE_SESSIONS_JOB, everyMs: 24 * 3600_000 },
  { queue: 'notifications', jobName: PURGE_OUTBOX_JOB, everyMs: 24 * 3600_000 },
  // The audit chain's head is signed daily too, so a recent signed head exists between publications.
  { queue: 'publication', jobName: SIGN_AUDIT_HEAD_DAILY_JOB, everyMs: 24 * 3600_000 },
];
export type TJobHandlers = Readonly<Record<string, TJobHandler>>;

/** The queue a job runs on, for its metrics and logs. */
export function queueOfJob(jobName: string): TQueueName | undefined {
  return [...Object.values(TOPIC_ROUTES), ...SCHEDULED_JOBS].find((job) => job.jobName === jobName)?.queue;
}

/** The job data of an outbox row: its request id only when a request wrote it. */
export function outboxJobData(row: { id: string; topic: string; payload: Record<string, unknown>; request_id: string | null }): TOutboxJobData {
  return { outboxId: row.id, topic: row.topic, payload: row.payload, ...(row.request_id === null ? {} : { requestId: row.request_id }) };
}

/** Start fails when a routed or scheduled job has no handler: a topic must never be relayed into a void. */
export function assertEveryRouteHandled(handlers: TJobHandlers): void {
  const missing = [...Object.values(TOPIC_ROUTES), ...SCHEDULED_JOBS].map((job) => job.jobName).filter((name) => handlers[name] === undefined);
  if (missing.length > 0) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
}
