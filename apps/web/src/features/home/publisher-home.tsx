import { Link } from 'react-router';
import { addDays, daysUntil, formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { useBudgets } from './use-budgets';

/** 预算公开: within 20 days of approval (《预算法》第十四条). */
export const PUBLISH_WITHIN_DAYS = 20;

/** A publisher's approved budgets with the statutory clock. */
export function PublisherHome() {
  const { t } = useI18n();
  const approved = useBudgets({ state: 'approved' });
  const published = useBudgets({ state: 'published' });
  const now = new Date();
  return (
    <main className="page">
      <h1>{t('approvedBudgets')}</h1>
      <QueryView query={approved} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('department')}</th>
                <th scope="col">{t('year')}</th>
                <th scope="col">{t('deadline')}</th>
                <th scope="col">{t('timeLeft')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {page.items.map((b) => {
                // The approval is the budget's last change while it is approved.
                const deadline = addDays(new Date(b.updatedAt), PUBLISH_WITHIN_DAYS);
                const left = daysUntil(now, deadline);
                return (
                  <tr key={b.id} className={left < 0 ? 'overdue' : left <= 5 ? 'due-soon' : undefined}>
                    <td>{b.department.name}</td>
                    <td>{b.fiscalYear}</td>
                    <td>{formatDate(deadline)}</td>
                    <td>{left < 0 ? t('overdue', { n: -left }) : t('daysLeft', { n: left })}</td>
                    <td>
                      <Link to={`/budgets/${b.id}`}>{t('publish')}</Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryView>
      {published.data !== undefined && published.data.items.length > 0 && (
        <section aria-labelledby="published-title">
          <h2 id="published-title">{t('publishedBudgets')}</h2>
          <ul>
            {published.data.items.map((b) => (
              <li key={b.id}>
                <Link to={`/budgets/${b.id}`}>
                  {b.department.name} {b.fiscalYear}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
