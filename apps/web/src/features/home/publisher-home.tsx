import { Link } from 'react-router';
import { addDays, daysUntil, formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import type { TBudgetSummary } from '../../lib/api-types';
import { BudgetTable } from './budget-table';
import { useBudgets } from './use-budgets';

/** 预算公开: within 20 days of approval (《预算法》第十四条). */
export const PUBLISH_WITHIN_DAYS = 20;

/** The approval is the budget's last change while it is approved. */
const deadlineOf = (budget: TBudgetSummary) => addDays(new Date(budget.updatedAt), PUBLISH_WITHIN_DAYS);

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
          <BudgetTable
            budgets={page.items}
            columns={[
              { header: t('department'), cell: (b) => b.department.name },
              { header: t('year'), cell: (b) => b.fiscalYear },
              { header: t('deadline'), cell: (b) => formatDate(deadlineOf(b)) },
              {
                header: t('timeLeft'),
                cell: (b) => {
                  const left = daysUntil(now, deadlineOf(b));
                  return left < 0 ? t('overdue', { n: -left }) : t('daysLeft', { n: left });
                },
              },
            ]}
            linkLabel={() => ({ text: t('publish') })}
            rowClass={(b) => {
              const left = daysUntil(now, deadlineOf(b));
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
