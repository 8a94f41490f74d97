import type { BudgetState } from '@budgetflow/domain';
import type { TBudgetSummary } from '../../lib/api-types';
import type { TTranslate } from '../../lib/i18n';

/** 「2021年 示例第一中学 单位预算」 or 「2021年 示例教育局 部门预算」. */
export function budgetTitle(t: TTranslate, budget: Pick<TBudgetSummary, 'fiscalYear' | 'department' | 'unit'>): string {
  return budget.unit
    ? t('unitBudgetTitle', { year: budget.fiscalYear, unit: budget.unit.name })
    : t('departmentBudgetTitle', { year: budget.fiscalYear, department: budget.department.name });
}

/** A unit budget's state as the department reads it: its approval is no 批复 but 已审核汇总. */
export function unitStateText(t: TTranslate, state: BudgetState): string {
  return t(`unitState_${state}`);
}
