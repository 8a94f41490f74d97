import type { TBudgetSummary } from '../../lib/api-types';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import { StateBadge } from '../../ui/state-badge';
import { BudgetTable } from '../home/budget-table';
import { useBudgets } from '../home/use-budgets';
import { useUnitWords } from './unit-words';

const byYearThen = (order: 1 | -1) => (a: TBudgetSummary, b: TBudgetSummary) =>
  b.fiscalYear - a.fiscalYear || order * a.updatedAt.localeCompare(b.updatedAt);

/**
 * The department reviewer's (部门审核人) desk, 主管部门审核: the unit budgets submitted to the
 * department, longest waiting first, each opening read-only to approve (with an opinion) or return
 * (with a reason); below, the unit budgets already approved (汇总 into the department budget) or
 * returned, then the department budget itself with how far its units are. The API lists the
 * department's budget and its units' budgets once submitted, never a unit's draft.
 */
export default function DepartmentReviewerHome() {
  const { t } = useDeskI18n();
  const { u } = useUnitWords();
  const budgets = useBudgets({});
  const unitName = { header: t('unit'), cell: (b: TBudgetSummary) => b.unit?.name ?? '—' };
  const year = { header: t('year'), cell: (b: TBudgetSummary) => b.fiscalYear };
  const aria = (action: string) => (b: TBudgetSummary) => ({ text: action, aria: `${action} ${b.fiscalYear} ${b.unit?.name ?? b.department.name}` });
  return (
    <main className="page">
      <h1>{u('unitDesk')}</h1>
      <QueryView query={budgets} isEmpty={() => false}>
        {({ items }) => {
          const units = items.filter((b) => b.unit);
          const pending = units.filter((b) => b.state === 'submitted').sort(byYearThen(1));
          const decided = units.filter((b) => b.state !== 'submitted' && b.state !== 'draft').sort(byYearThen(-1));
          const departments = items.filter((b) => !b.unit).sort(byYearThen(-1));
          const progress = (b: TBudgetSummary) => {
            const ofYear = units.filter((x) => x.fiscalYear === b.fiscalYear);
            return u('unitApprovedCount', {
              approved: ofYear.filter((x) => x.state === 'approved').length,
              pending: ofYear.filter((x) => x.state === 'submitted').length,
            });
          };
          return (
            <>
              <section aria-labelledby="unit-queue-title">
                <h2 id="unit-queue-title">{u('unitQueue')}</h2>
                {pending.length === 0 ? (
                  <p className="muted">{u('unitQueueEmpty')}</p>
                ) : (
                  <BudgetTable
                    budgets={pending}
                    columns={[unitName, year, { header: u('unitSubmittedAt'), cell: (b) => formatDateTime(b.updatedAt) }]}
                    linkLabel={aria(t('review'))}
                  />
                )}
              </section>
              <section aria-labelledby="unit-decided-title">
                <h2 id="unit-decided-title">{u('unitDecided')}</h2>
                {decided.length === 0 ? (
                  <p className="muted">{u('unitDecidedEmpty')}</p>
                ) : (
                  <BudgetTable
                    budgets={decided}
                    columns={[
                      unitName,
                      year,
                      { header: t('state'), cell: (b) => <StateBadge state={b.state} unit /> },
                      { header: t('updatedAt'), cell: (b) => formatDateTime(b.updatedAt) },
                    ]}
                    linkLabel={aria(t('follow'))}
                  />
                )}
              </section>
              <section aria-labelledby="unit-department-title">
                <h2 id="unit-department-title">{u('unitDepartmentBudget')}</h2>
                {departments.length === 0 ? (
                  <p className="muted">{u('unitDepartmentBudgetEmpty')}</p>
                ) : (
                  <BudgetTable
                    budgets={departments}
                    columns={[
                      year,
                      { header: t('department'), cell: (b) => b.department.name },
                      { header: t('state'), cell: (b) => <StateBadge state={b.state} /> },
                      { header: u('unitBudgetsPanel'), cell: progress },
                      { header: t('updatedAt'), cell: (b) => formatDateTime(b.updatedAt) },
                    ]}
                    linkLabel={aria(t('follow'))}
                  />
                )}
              </section>
            </>
          );
        }}
      </QueryView>
    </main>
  );
}
