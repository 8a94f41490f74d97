import { daysBetween, formatDateTime } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { BudgetTable } from './budget-table';
import { ReviewedList } from './reviewed-list';
import { useBudgets } from './use-budgets';

/** The finance bureau's queue: submitted budgets, longest waiting first; below, what the reviewer decided (已审). */
export function ReviewerHome() {
  const { t } = useI18n();
  const budgets = useBudgets({ state: 'submitted' });
  const now = new Date();
  const waiting = (since: Date) => {
    const days = daysBetween(since, now);
    const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
    return days >= 1 ? t('days', { n: days }) : hours >= 1 ? t('hours', { n: hours }) : t('underAnHour');
  };
  return (
    <main className="page">
      <h1>{t('reviewQueue')}</h1>
      <QueryView query={budgets} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <BudgetTable
            budgets={[...page.items].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))}
            columns={[
              { header: t('department'), cell: (b) => b.department.name },
              { header: t('year'), cell: (b) => b.fiscalYear },
              { header: t('submittedAt'), cell: (b) => formatDateTime(b.updatedAt) }, // a submitted budget's last change is its submission
              { header: t('waiting'), cell: (b) => waiting(new Date(b.updatedAt)) },
            ]}
            linkLabel={() => ({ text: t('review') })}
          />
        )}
      </QueryView>
      <ReviewedList />
    </main>
  );
}
