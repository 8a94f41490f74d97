import { useDeskI18n } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import { BudgetTable } from './budget-table';
import { useBudgets } from './use-budgets';

/** A signer's (审签人) approved budgets in scope: each opens on its publish page, where the 审签 is given. */
export function SignerHome() {
  const { t } = useDeskI18n();
  const approved = useBudgets({ state: 'approved' });
  return (
    <main className="page">
      <h1>{t('signOffBudgets')}</h1>
      <QueryView query={approved} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <BudgetTable
            budgets={page.items}
            columns={[
              { header: t('department'), cell: (b) => b.department.name },
              { header: t('year'), cell: (b) => b.fiscalYear },
              { header: t('replyDate'), cell: (b) => b.repliedOn ?? '—' },
            ]}
            linkLabel={() => ({ text: t('signOffButton') })}
          />
        )}
      </QueryView>
    </main>
  );
}
