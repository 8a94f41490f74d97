import { Link } from 'react-router';
import { daysBetween, formatDateTime } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { useBudgets } from './use-budgets';

/** The finance bureau's queue: submitted budgets, longest waiting first. */
export function ReviewerHome() {
  const { t } = useI18n();
  const budgets = useBudgets({ state: 'submitted' });
  const now = new Date();
  return (
    <main className="page">
      <h1>{t('reviewQueue')}</h1>
      <QueryView query={budgets} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('department')}</th>
                <th scope="col">{t('year')}</th>
                <th scope="col">{t('updatedAt')}</th>
                <th scope="col">{t('waiting')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {[...page.items]
                .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
                .map((b) => {
                  const since = new Date(b.updatedAt);
                  const days = daysBetween(since, now);
                  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
                  return (
                    <tr key={b.id}>
                      <td>{b.department.name}</td>
                      <td>{b.fiscalYear}</td>
                      <td>{formatDateTime(b.updatedAt)}</td>
                      <td>{days >= 1 ? t('days', { n: days }) : t('hours', { n: hours })}</td>
                      <td>
                        <Link to={`/budgets/${b.id}`}>{t('review')}</Link>
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        )}
      </QueryView>
    </main>
  );
}
