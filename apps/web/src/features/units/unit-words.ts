import { useCallback } from 'react';
import { fillIn, useI18n, type TLocale } from '../../lib/i18n';

/**
 * The words of the unit budgets' own screens: the department reviewer's desk, the 单位预算 panel of
 * a department budget and its read-only lines, the unit review. Kept beside them rather than in
 * lib/i18n-messages, as the editor's forms keep theirs, so that they load with those (lazily loaded)
 * screens and not with the portal's entry; Chinese is the reference and English must name every key.
 */
const zh = {
  unitDesk: '单位预算审核',
  unitQueue: '待审核单位预算',
  unitQueueEmpty: '没有等待审核的单位预算',
  unitDecided: '已审核、已退回的单位预算',
  unitDecidedEmpty: '尚无已审核或已退回的单位预算',
  unitSubmittedAt: '报送时间',
  unitDepartmentBudget: '部门预算',
  unitDepartmentBudgetEmpty: '本部门尚未建立部门预算',
  unitApprovedCount: '已审核汇总 {approved} 个单位，待审核 {pending} 个',
  unitBudgetsPanel: '单位预算',
  unitBudgetsNote: '已审核的单位预算，其支出明细自动汇总到部门预算；有单位预算的单位，其明细由单位编制，在此只读。',
  unitBudgetsPending: '尚有 {n} 个单位预算未审核通过，部门预算暂不能报送财政局。',
  unitBudgetsAllApproved: '单位预算均已审核汇总。',
  unitLinesConsolidated: '汇总自 {unit} 单位预算（已审核），只读',
  unitLinesOwnBudget: '由 {unit} 在单位预算中编制（{state}），只读',
  unitLinesReadOnlyCount: '{n} 行明细属于有单位预算的单位，只读。',
  unitNoEditableUnit: '各单位均有单位预算，部门预算中不能再新增明细。',
  unitDepartmentLocked: '部门预算正在财政局审核或已批复，单位预算暂不能审核通过或退回。',
  unitReturnApproved: '退回已审核的单位预算',
} as const;

export type TUnitWord = keyof typeof zh;

const en: Record<TUnitWord, string> = {
  unitDesk: 'Unit budget review',
  unitQueue: 'Unit budgets to review',
  unitQueueEmpty: 'No unit budget is waiting for review',
  unitDecided: 'Unit budgets approved or returned',
  unitDecidedEmpty: 'No unit budget approved or returned yet',
  unitSubmittedAt: 'Submitted',
  unitDepartmentBudget: 'Department budget',
  unitDepartmentBudgetEmpty: 'The department has not started its budget',
  unitApprovedCount: '{approved} units approved and consolidated, {pending} to review',
  unitBudgetsPanel: 'Unit budgets',
  unitBudgetsNote: "An approved unit budget's lines are consolidated into the department budget; the lines of a unit that has its own budget are prepared by the unit and read-only here.",
  unitBudgetsPending: 'Unit budgets not approved yet: {n}. The department budget is submitted to the finance bureau once every one is.',
  unitBudgetsAllApproved: 'Every unit budget is approved and consolidated.',
  unitLinesConsolidated: 'Consolidated from the unit budget of {unit} (approved); read-only',
  unitLinesOwnBudget: 'Prepared by {unit} in its unit budget ({state}); read-only',
  unitLinesReadOnlyCount: 'Lines of units with their own budget, read-only here: {n}.',
  unitNoEditableUnit: 'Every unit has its own budget: no line can be added to the department budget.',
  unitDepartmentLocked: 'The department budget is under review by the finance bureau or approved: unit budgets cannot be approved or returned now.',
  unitReturnApproved: 'Return the approved unit budget',
};

const WORDS: Record<TLocale, Record<TUnitWord, string>> = { zh, en };

export type TUnitWords = (key: TUnitWord, values?: Record<string, string | number>) => string;

export function unitWords(locale: TLocale): TUnitWords {
  return (key, values) => fillIn(WORDS[locale][key], values);
}

/** The unit budgets' screens' words in the person's language. */
export function useUnitWords(): { u: TUnitWords; locale: TLocale } {
  const { locale } = useI18n();
  const u = useCallback<TUnitWords>((key, values) => unitWords(locale)(key, values), [locale]);
  return { u, locale };
}
