import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { ErrorBanner } from '../../ui/error-banner';
import { QueryView } from '../../ui/query-view';
import { useAdminChange, useFailedJobs } from './use-admin';

/** Bull Board, served by the API for administrators (queue/admin/queue-dashboard.ts). */
const QUEUE_DASHBOARD = '/admin/queues';

/** 失败任务: jobs out of retries, each sent back to its queue on demand (audited as job.retry). */
export function JobsPanel() {
  const { t } = useDeskI18n();
  const jobs = useFailedJobs();
  const retry = useAdminChange((job: { queue: string; id: string }) => [`/api/admin/jobs/${encodeURIComponent(job.queue)}/${encodeURIComponent(job.id)}/retry`, { method: 'POST' }]);
  return (
    <section aria-labelledby="admin-jobs-title">
      <h2 id="admin-jobs-title">{t('adminFailedJobs')}</h2>
      <p>
        <a href={QUEUE_DASHBOARD} target="_blank" rel="noreferrer">
          {t('adminQueueDashboard')}
        </a>
      </p>
      <QueryView query={jobs} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <table>
            <caption>{t('adminFailedJobs')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminQueue')}</th>
                <th scope="col">{t('adminJob')}</th>
                <th scope="col">{t('adminFailedAt')}</th>
                <th scope="col">{t('adminFailure')}</th>
                <th scope="col">{t('adminActions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((job) => (
                <tr key={`${job.queue}/${job.id}`}>
                  <td>{job.queue}</td>
                  <td>
                    {job.name} #{job.id}
                  </td>
                  <td>{job.failedAt === null ? '—' : formatDateTime(job.failedAt)}</td>
                  <td>{t('adminAttempts', { n: job.attemptsMade, reason: job.failedReason })}</td>
                  <td>
                    <button type="button" onClick={() => retry.mutate(job)}>
                      {t('adminRetry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      <ErrorBanner error={retry.error} />
    </section>
  );
}
