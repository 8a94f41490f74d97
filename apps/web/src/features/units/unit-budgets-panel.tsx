import type { TExpenditureLine } from '@budgetflow/domain';
import type { TUnitBudgetRef } from '../../lib/api-types';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { StateBadge } from '../../ui/state-badge';
import { useUnitWords } from './unit-words';

/**
 * 单位预算 on a department budget: each unit budget of the year with its state, and what that means
 * here: approved units' lines are 汇总 into the department budget, and every unit with a budget of
 * its own prepares its lines there (read-only in this grid). The department budget is submitted to
 * the finance bureau only once every unit budget is approved.
 */
export function UnitBudgetsPanel({ unitBudgets, lines }: { unitBudgets: readonly TUnitBudgetRef[]; lines?: readonly TExpenditureLine[] }) {
  const { t } = useDeskI18n();
  const { u } = useUnitWords();
  if (unitBudgets.length === 0) return null;
  const pending = unitBudgets.filter((b) => b.state !== 'approved').length;
  const units = new Set(unitBudgets.map((b) => b.unit.code));
  const readOnly = lines?.filter((l) => units.has(l.unitCode)).length ?? 0;
  return (
    <section aria-labelledby="unit-budgets-title" className="unit-budgets">
      <h2 id="unit-budgets-title">{u('unitBudgetsPanel')}</h2>
      <p className="muted">{u('unitBudgetsNote')}</p>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">{t('unit')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('version')}</th>
            <th scope="col">{t('updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {unitBudgets.map((b) => (
            <tr key={b.id}>
              <td>
                {b.unit.name} <span className="muted">{b.unit.code}</span>
              </td>
              <td>
                <StateBadge state={b.state} unit />
              </td>
              <td>{b.version}</td>
              <td>{formatDateTime(b.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="note" className={pending > 0 ? 'banner' : 'muted'}>
        {pending > 0 ? u('unitBudgetsPending', { n: pending }) : u('unitBudgetsAllApproved')}
        {readOnly > 0 && ` ${u('unitLinesReadOnlyCount', { n: readOnly })}`}
      </p>
    </section>
  );
}
