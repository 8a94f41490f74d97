import type { DataSource } from 'typeorm';
import { PurgeSessionsJob } from '../modules/auth/jobs/purge-sessions.job';
import { RecomputeTotalsJob } from '../modules/budgets/jobs/recompute-totals.job';
import { NotifyJob } from '../modules/notifications/jobs/notify.job';
import { RenderPublicationJob } from '../modules/publications/jobs/render-publication.job';
import { StatutoryClockJob } from '../modules/publications/jobs/statutory-clock.job';
import { RenderRevisionJob } from '../modules/reports/jobs/render-revision.job';
import { PURGE_OUTBOX_JOB, PURGE_SESSIONS_JOB, STATUTORY_CLOCK_JOB, outboxHandler, type TJobHandlers } from './job-registry';
import { PurgeOutboxJob } from './purge-outbox.job';

/** Every job the worker runs, by job name (see TOPIC_ROUTES and SCHEDULED_JOBS). */
export function jobHandlers(dataSource: DataSource): TJobHandlers {
  const renderPublication = new RenderPublicationJob(dataSource);
  const renderRevision = new RenderRevisionJob(dataSource);
  const notify = new NotifyJob(dataSource);
  const clock = new StatutoryClockJob(dataSource);
  const totals = new RecomputeTotalsJob(dataSource);
  const purgeSessions = new PurgeSessionsJob(dataSource);
  const purgeOutbox = new PurgeOutboxJob(dataSource);
  return {
    'render-publication': outboxHandler((data) => renderPublication.handle(data)),
    'render-revision': outboxHandler((data) => renderRevision.handle(data)),
    notify: outboxHandler((data) => notify.handle(data)),
    'recompute-totals': outboxHandler((data) => totals.handle(data)),
    [STATUTORY_CLOCK_JOB]: () => clock.handle(),
    [PURGE_SESSIONS_JOB]: () => purgeSessions.handle(),
    [PURGE_OUTBOX_JOB]: () => purgeOutbox.handle(),
  };
}
