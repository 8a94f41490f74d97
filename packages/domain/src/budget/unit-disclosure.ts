import { DEFAULT_TEMPLATE_ID, templateById } from '../templates/template-registry';
import type { TBudgetDocument } from './budget-document.schema';

/** Whether the document's template publishes each unit's own 单位预算 beside the 部门预算 (Shanghai does; Hubei and Jiangsu do not). */
export function hasUnitScope(doc: Pick<TBudgetDocument, 'template'>): boolean {
  return templateById(doc.template ?? DEFAULT_TEMPLATE_ID).scopes.includes('unit');
}

/**
 * The document a unit's own budget derives its disclosure from. Where the template has a 单位
 * scope, the unit's lines print under it (the 单位 titles and columns, 本单位) and the unit is the
 * 预算单位 that every title and explanation names (「示例第一中学2021年单位预算」); elsewhere a unit's
 * budget is disclosed only within its department's 部门预算, and its derivation stays the
 * department's, for the checks of its submission.
 */
export function unitDisclosed(doc: TBudgetDocument, unit: { code: string; name: string }): TBudgetDocument {
  if (!hasUnitScope(doc)) return doc;
  const { shortName: _departmentShortName, ...department } = doc.department;
  return { ...doc, scope: 'unit', department: { ...department, name: unit.name } };
}
