import type { BudgetRound, BudgetState } from '@budgetflow/domain';
import type { TDeskTranslate } from './desk-i18n';

/**
 * Where a budget stands in 两上两下, as a person reads it: a returned budget is back with the
 * department whichever round it was returned in (the round's own words say 审核中).
 */
export function roundText(t: TDeskTranslate, round: BudgetRound, state: BudgetState): string {
  return state === 'returned' ? t('round_returnedToPreparers') : t(`round_${round}`);
}
