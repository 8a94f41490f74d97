import { Link } from 'react-router';
import { localDate } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import type { TBudgetSummary } from '../../lib/api-types';
import { ApprovedBudgets } from './approved-budgets';
import { publishDeadline } from './publish-deadline';
import { useBudgets } from './use-budgets';

/** A publisher's approved budgets with the statutory clock. */
export function PublisherHome() {
  const { t } = useDeskI18n();
  const published = useBudgets({ state: 'published' });
  const today = localDate(new Date());
  const deadlineOf = (budget: TBudgetSummary) => publishDeadline(budget, today);
  return (
    <main className="page">
      <h1>{t('approvedBudgets')}</h1>
      <ApprovedBudgets
        more={[
          { header: t('deadline'), cell: (b) => deadlineOf(b).deadline },
          {
            header: t('timeLeft'),
            cell: (b) => {
              const left = deadlineOf(b).daysLeft;
              return left < 0 ? t('overdue', { n: -left }) : t('daysLeft', { n: left });
            },
          },
        ]}
        linkLabel={() => ({ text: t('publish') })}
        rowClass={(b) => {
          const left = deadlineOf(b).daysLeft;
          return left < 0 ? 'overdue' : left <= 5 ? 'due-soon' : undefined;
        }}
      />
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
