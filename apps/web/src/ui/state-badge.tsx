import type { BudgetState } from '@budgetflow/domain';
import { useI18n } from '../lib/i18n';

export function StateBadge({ state }: { state: BudgetState }) {
  const { t } = useI18n();
  return <span className={`state state-${state}`}>{t(`state_${state}`)}</span>;
}
