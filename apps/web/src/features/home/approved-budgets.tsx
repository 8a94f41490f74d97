import { useDeskI18n } from '../../lib/desk-i18n';
import type { TBudgetSummary } from '../../lib/api-types';
import { QueryView } from '../../ui/query-view';
import { BudgetTable, type TBudgetColumn } from './budget-table';
import { useBudgets } from './use-budgets';

/**
 * The approved budgets (批复) a desk acts on, as the publisher and the signer list them: department,
 * year and 批复 date, then the desk's own columns.
 */
export function ApprovedBudgets({
  more = [],
  linkLabel,
  rowClass,
}: {
  more?: readonly TBudgetColumn[];
  linkLabel(budget: TBudgetSummary): { text: string; aria?: string };
  rowClass?: (budget: TBudgetSummary) => string | undefined;
}) {
  const { t } = useDeskI18n();
  const approved = useBudgets({ state: 'approved' });
  return (
    <QueryView query={approved} isEmpty={(page) => page.items.length === 0}>
      {(page) => (
        <BudgetTable
          budgets={page.items}
          columns={[
            { header: t('department'), cell: (b) => b.department.name },
            { header: t('year'), cell: (b) => b.fiscalYear },
            { header: t('replyDate'), cell: (b) => b.repliedOn ?? '—' },
            ...more,
          ]}
          linkLabel={linkLabel}
          rowClass={rowClass}
        />
      )}
    </QueryView>
  );
}
