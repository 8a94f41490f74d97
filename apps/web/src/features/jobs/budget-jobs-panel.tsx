import { formatDateTime } from '../../lib/dates';
import { useDeskI18n, type TDeskTranslate } from '../../lib/desk-i18n';
import {
  isRecomputing,
  latestRendering,
  NOTIFY_TOPIC,
  RENDER_PUBLICATION_TOPIC,
  standingFailures,
  TOTALS_TOPIC,
} from './job-progress';
import { useBudgetJobs } from './use-budget-jobs';

/** A job's topic in the reader's words; a topic this client does not know shows as it is. */
function taskName(topic: string, t: TDeskTranslate): string {
  switch (topic) {
    case TOTALS_TOPIC:
      return t('job_totals');
    case NOTIFY_TOPIC:
      return t('job_notify');
    case RENDER_PUBLICATION_TOPIC:
      return t('job_renderPublication');
    default:
      return topic;
  }
}

/**
 * What the background jobs are doing to the budget, live: a recompute of the totals under way,
 * the publication files being generated or ready, and the jobs that failed, with their reason.
 */
export function BudgetJobsPanel({ budgetId }: { budgetId: string }) {
  const { t } = useDeskI18n();
  const jobs = useBudgetJobs(budgetId);
  const rendering = latestRendering(jobs);
  return (
    <div className="jobs-panel">
      {/* Always there, so that screen readers announce what appears in it. */}
      <div role="status">
        {isRecomputing(jobs) && <p className="banner">{t('jobsRecomputing')}</p>}
        {(rendering?.state === 'waiting' || rendering?.state === 'queued') && (
          <p className="banner">{t('jobsRendering')}</p>
        )}
        {rendering?.state === 'done' && rendering.doneAt !== null && (
          <p className="muted">{t('jobsRendered', { at: formatDateTime(rendering.doneAt) })}</p>
        )}
      </div>
      {standingFailures(jobs).map((job) => (
        <p key={job.id} role="alert" className="banner error">
          {t('jobFailed', {
            reason: job.failedReason ?? t('jobReasonUnknown'),
            task: taskName(job.topic, t),
            attempts: job.attempts,
          })}
        </p>
      ))}
    </div>
  );
}
