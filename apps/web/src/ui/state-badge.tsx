import type { BudgetState } from '@budgetflow/domain';
import { useI18n } from '../lib/i18n';

/** A budget's state; a unit budget's (`unit`) as the department reads it (approved: 已审核汇总, no 批复). */
export function StateBadge({ state, unit = false }: { state: BudgetState; unit?: boolean }) {
  const { t } = useI18n();
  return <span className={`state state-${state}`}>{t(unit ? `unitState_${state}` : `state_${state}`)}</span>;
}
