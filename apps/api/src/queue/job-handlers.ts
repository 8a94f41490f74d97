import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { SignAuditHeadJob } from '../modules/audit/jobs/sign-audit-head.job';
import type { TAuditKeySource } from '../modules/audit/signing-key';
import { PurgeSessionsJob } from '../modules/auth/jobs/purge-sessions.job';
import { RecomputeTotalsJob } from '../modules/budgets/jobs/recompute-totals.job';
import { NotifyJob } from '../modules/notifications/jobs/notify.job';
import { RenderPublicationJob } from '../modules/publications/jobs/render-publication.job';
import { StatutoryClockJob } from '../modules/publications/jobs/statutory-clock.job';
import { RenderRevisionJob } from '../modules/reports/jobs/render-revision.job';
import { PURGE_OUTBOX_JOB, PURGE_SESSIONS_JOB, SIGN_AUDIT_HEAD_DAILY_JOB, STATUTORY_CLOCK_JOB, outboxHandler, type TJobHandlers } from './job-registry';
import { PurgeOutboxJob } from './purge-outbox.job';

/**
 * Every job the worker runs, by job name (see TOPIC_ROUTES and SCHEDULED_JOBS). The audit key is the
 * deployment's (startJobs passes it); left out, the demo's generated key.
 */
export function jobHandlers(dataSource: DataSource, auditKey: TAuditKeySource = loadConfig({}).auditKey): TJobHandlers {
  const renderPublication = new RenderPublicationJob(dataSource);
  const renderRevision = new RenderRevisionJob(dataSource);
  const notify = new NotifyJob(dataSource);
  const clock = new StatutoryClockJob(dataSource);
  const totals = new RecomputeTotalsJob(dataSource);
  const purgeSessions = new PurgeSessionsJob(dataSource);
  const purgeOutbox = new PurgeOutboxJob(dataSource);
  const signHead = new SignAuditHeadJob(dataSource, auditKey);
  return {
    'render-publication': outboxHandler((data) => renderPublication.handle(data)),
    'render-revision': outboxHandler((data) => renderRevision.handle(data)),
    notify: outboxHandler((data) => notify.handle(data)),
    'recompute-totals': outboxHandler((data) => totals.handle(data)),
    [STATUTORY_CLOCK_JOB]: () => clock.handle(),
    [PURGE_SESSIONS_JOB]: () => purgeSessions.handle(),
    [PURGE_OUTBOX_JOB]: () => purgeOutbox.handle(),
    'sign-audit-head': outboxHandler((data) => signHead.afterPublication(data)),
    [SIGN_AUDIT_HEAD_DAILY_JOB]: () => signHead.daily(),
  };
}
