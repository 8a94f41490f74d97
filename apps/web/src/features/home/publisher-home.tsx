import { Link } from 'react-router';
import { localDate } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import type { TBudgetSummary } from '../../lib/api-types';
import { BudgetTable } from './budget-table';
import { publishDeadline } from './publish-deadline';
import { useBudgets } from './use-budgets';

/** A publisher's approved budgets with the statutory clock. */
export function PublisherHome() {
  const { t } = useDeskI18n();
  const approved = useBudgets({ state: 'approved' });
  const published = useBudgets({ state: 'published' });
  const today = localDate(new Date());
  const deadlineOf = (budget: TBudgetSummary) => publishDeadline(budget, today);
  return (
    <main className="page">
      <h1>{t('approvedBudgets')}</h1>
      <QueryView query={approved} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <BudgetTable
            budgets={page.items}
            columns={[
              { header: t('department'), cell: (b) => b.department.name },
              { header: t('year'), cell: (b) => b.fiscalYear },
              { header: t('replyDate'), cell: (b) => b.repliedOn ?? '—' },
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
