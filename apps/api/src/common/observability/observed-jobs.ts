import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { queueOfJob, type TJobHandler, type TJobHandlers } from '../../queue/job-registry';
import { jobDurationSeconds } from './metrics';
import { runWithRequestId } from './request-context';

/**
 * Every job logged and timed, whichever driver runs it: a line when it starts and one when it ends,
 * each with the id of the request that caused it (the outbox row's), its queue, name and outbox row.
 * A repeatable job (no request) gets an id of its own, so the rows it writes name it in turn.
 */
export function observeJobs(handlers: TJobHandlers, logger: Logger): TJobHandlers {
  return Object.fromEntries(Object.entries(handlers).map(([jobName, handler]) => [jobName, observed(jobName, handler, logger)]));
}

function observed(jobName: string, handler: TJobHandler, logger: Logger): TJobHandler {
  const queue = queueOfJob(jobName) ?? 'none';
  return (job) => {
    const data = (job.data ?? {}) as { requestId?: unknown; outboxId?: unknown };
    const requestId = typeof data.requestId === 'string' ? data.requestId : randomUUID();
    const log = logger.child({ requestId, queue, job: jobName, ...(typeof data.outboxId === 'string' ? { outboxId: data.outboxId } : {}) });
    return runWithRequestId(requestId, async () => {
      const end = jobDurationSeconds.startTimer({ queue, job: jobName });
      log.info('job started');
      try {
        const result = await handler(job);
        log.info({ result, durationSeconds: end({ outcome: 'done' }) }, 'job done');
        return result;
      } catch (error) {
        log.warn({ error: error instanceof Error ? error.message : String(error), durationSeconds: end({ outcome: 'failed' }) }, 'job failed');
        throw error;
      }
    });
  };
}
