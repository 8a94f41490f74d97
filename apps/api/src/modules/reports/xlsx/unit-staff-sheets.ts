import type { TBudgetDocument, TBudgetUnit, TDepartment } from '@budgetflow/domain';
import type { TTemplateProblem } from './budget-template';
import type { TRowPlaces } from './project-sheets';
import { cleanRows, LIST_OF, refuseRepeats, rowProblem, type TChoice, type TReadLine, type TTemplateColumn } from './template-cells';

/**
 * Part 1's facts of the department a preparer keeps in rows too: its 预算单位, one a row with its
 * 级次 and 单位性质, and its 人员构成, one row per 人员类别 and 类型, a row without 类型 being the
 * category's total (编制人数 18, of which 事业编制 18). Words as the editor's 部门概况 form writes them.
 */
export const UNITS_SHEET = '预算单位';
export const STAFFING_SHEET = '人员构成';

const LEVEL_NAMES: readonly TChoice[] = [
  { value: 'self', name: '本级' },
  { value: 'subordinate', name: '二级预算单位' },
];
const CATEGORY_NAMES: readonly TChoice[] = [
  { value: 'administrative', name: '行政单位' },
  { value: 'civil-service', name: '参照公务员法管理的事业单位' },
  { value: 'institution', name: '事业单位' },
];

export const UNIT_COLUMNS: TTemplateColumn[] = [
  { key: 'code', label: '单位编码' },
  { key: 'name', label: '单位名称' },
  { key: 'level', label: '级次', read: 'choice', choices: LEVEL_NAMES, list: LIST_OF.unitLevel },
  // Left empty: 未说明, and the unit's 公用经费 counts as 机关运行经费 (see ZBudgetUnit).
  { key: 'category', label: '单位性质', read: 'choice', choices: CATEGORY_NAMES, optional: true, list: LIST_OF.unitCategory },
];

export function unitRows(doc: TBudgetDocument): TBudgetUnit[] {
  return doc.department.units;
}

/** The units as the sheet lists them; a code listed twice would make the other sheets' 单位 ambiguous. */
export function readUnits(lines: readonly TReadLine[], problems: TTemplateProblem[], places: TRowPlaces): Record<string, string>[] {
  refuseRepeats(UNITS_SHEET, lines, UNIT_COLUMNS[0]!, (line) => line.values['code'], problems);
  if (lines.length === 0) problems.push({ sheet: UNITS_SHEET, row: 0, field: '', message: '至少要有一个预算单位（本级）' });
  return lines.map((line, i) => {
    places.set(`department.units.${i}`, { sheet: UNITS_SHEET, row: line.row, columns: UNIT_COLUMNS });
    const { id: _id, ...unit } = line.values;
    return unit;
  });
}

const STAFF_CATEGORIES = [
  { value: 'authorized', name: '编制人数', byType: 'authorizedByType' },
  { value: 'actual', name: '在职实有人数', byType: 'actualByType' },
  { value: 'retired', name: '离退休人员' },
] as const satisfies readonly (TChoice & { value: keyof TStaffing; byType?: keyof TStaffing })[];

type TStaffing = TDepartment['staffing'];

export const STAFFING_COLUMNS: TTemplateColumn[] = [
  { key: 'category', label: '人员类别', read: 'choice', choices: STAFF_CATEGORIES, list: LIST_OF.staffCategory },
  { key: 'type', label: '类型（留空为合计）', optional: true },
  { key: 'count', label: '人数', read: 'count' },
];

export function staffingRows(doc: TBudgetDocument): Record<string, string>[] {
  const staffing = doc.department.staffing;
  return STAFF_CATEGORIES.flatMap((category) => [
    { category: category.value, count: String(staffing[category.value]) },
    ...('byType' in category ? Object.entries(staffing[category.byType]).map(([type, n]) => ({ category: category.value, type, count: String(n) })) : []),
  ]);
}

/** 人员构成 as the sheet gives it: each category needs its total row; 离退休人员 has no types. */
export function readStaffing(lines: readonly TReadLine[], problems: TTemplateProblem[], places: TRowPlaces): TStaffing {
  const [categoryColumn, typeColumn] = STAFFING_COLUMNS as [TTemplateColumn, TTemplateColumn];
  refuseRepeats(STAFFING_SHEET, lines, categoryColumn, (line) => `${line.values['category']}|${line.values['type'] ?? ''}`, problems);
  const staffing: TStaffing = { authorized: 0, authorizedByType: {}, actual: 0, actualByType: {}, retired: 0 };
  for (const category of STAFF_CATEGORIES) {
    if (!lines.some((line) => line.values['category'] === category.value && line.values['type'] === undefined)) {
      problems.push({ sheet: STAFFING_SHEET, row: 0, field: 'category', message: `缺少「${category.name}」的合计行（类型留空的一行）` });
    }
  }
  for (const line of cleanRows(STAFFING_SHEET, lines, problems)) {
    const { category: value, type, count } = line.values;
    const category = STAFF_CATEGORIES.find((c) => c.value === value)!;
    if (type === undefined) staffing[category.value] = Number(count);
    else if (!('byType' in category)) problems.push(rowProblem(STAFFING_SHEET, line, typeColumn, `${category.name}不分类型，请留空`));
    else {
      staffing[category.byType][type] = Number(count);
      places.set(`department.staffing.${category.byType}.${type}`, { sheet: STAFFING_SHEET, row: line.row, columns: STAFFING_COLUMNS, field: 'type' });
    }
  }
  return staffing;
}
