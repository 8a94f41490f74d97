import type { BudgetRound } from '@budgetflow/domain';
import type { TBudgetView, TUnitBudgetRef } from '../../lib/api-types';
import { translate, type TLocale } from '../../lib/i18n';
import { unitWords } from './unit-words';

/** The round every unit budget is in (单位预算, its one stage 主管部门审核), as the domain's actionsFor reads it. */
export const UNIT_ROUND: BudgetRound = 'unit';

const NO_LOCKS: ReadonlyMap<string, string> = new Map();

/**
 * The units whose lines a department budget holds read-only, each with why: every unit that has a
 * unit budget of the year prepares its lines there (the approved ones are 汇总 into the department
 * budget, and the API refuses a change of them: UNIT_LINES_CONSOLIDATED). None for a unit budget.
 */
export function lockedUnitsOf(budget: Pick<TBudgetView, 'unit' | 'unitBudgets'>, locale: TLocale): ReadonlyMap<string, string> {
  const units: readonly TUnitBudgetRef[] = budget.unitBudgets ?? [];
  if (budget.unit || units.length === 0) return NO_LOCKS;
  const u = unitWords(locale);
  return new Map(
    units.map((b) => [
      b.unit.code,
      b.state === 'approved'
        ? u('unitLinesConsolidated', { unit: b.unit.name })
        : u('unitLinesOwnBudget', { unit: b.unit.name, state: translate(locale, `unitState_${b.state}`) }),
    ]),
  );
}
