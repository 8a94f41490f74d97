import { catalogueForYear, deriveAndValidate, type TBudgetDocument, type TFinding } from '@budgetflow/domain';
import { findingPlace, withSeparators } from '../src/features/editor/forms/finding-place';
import { formTarget } from '../src/features/editor/forms/finding-target';
import { tableMarks } from '../src/features/editor/forms/table-marks';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();

/** The seed with income that no longer covers the lines, no 职能 and no annual target. */
function broken(): TBudgetDocument {
  return {
    ...seed,
    incomeLines: [{ ...seed.incomeLines[0]!, amount: '100.00' }],
    department: { ...seed.department, functions: [] },
    performance: { ...seed.performance, annualTarget: '' },
  };
}

const derived = deriveAndValidate(broken(), catalogueForYear(2020));
const byRule = (id: string): TFinding => {
  const found = derived.findings.find((f) => f.ruleId === id);
  if (found === undefined) throw new Error(`no ${id} finding`);
  return found;
};
const place = (f: TFinding, locale: 'zh' | 'en' = 'zh') =>
  findingPlace(f, { projects: broken().projects, disclosure: derived.disclosure, lineNo: (id) => (id === 'L005' ? 5 : undefined), locale });

describe('where a finding is, as a person reads the budget', () => {
  it('names a table cell by the table’s number, its row and its column, not by keys', () => {
    expect(place(byRule('T4.DEFICIT'))).toBe('表四 · 年终结余 · 预算数');
  });

  it('names the parts of the document in Chinese only', () => {
    expect(place(byRule('READY.FUNCTIONS_MISSING'))).toBe('部门概况 · 主要职能');
    expect(place(byRule('READY.PERFORMANCE_TARGET'))).toBe('表九 · 年度目标');
    expect(place(byRule('BUDGET.BALANCED'))).toBe('收入');
    const unit: TFinding = { ...byRule('BUDGET.BALANCED'), location: { kind: 'document', path: 'department.units.1.code' } };
    expect(place(unit)).toBe('部门概况 · 预算单位 · 第 2 项 · 单位编码');
    const line: TFinding = { ...byRule('BUDGET.BALANCED'), location: { kind: 'line', lineId: 'L005', field: 'economicCode' } };
    expect(place(line)).toBe('支出明细第 5 行 · 经济科目');
    const indicator: TFinding = { ...byRule('BUDGET.BALANCED'), location: { kind: 'project', projectId: seed.projects[0]!.id, part: 'indicators', index: 0 } };
    expect(place(indicator)).toBe(`项目“${seed.projects[0]!.name}” · 绩效指标 · 第 1 项`);
    for (const f of derived.findings) expect(place(f)).not.toMatch(/[A-Za-z]/);
  });

  it('speaks English in the English screens', () => {
    expect(place(byRule('READY.FUNCTIONS_MISSING'), 'en')).toBe('Department · Main functions');
  });

  it('groups the amounts of a message by thousands', () => {
    expect(withSeparators(byRule('BUDGET.BALANCED').message.zh)).toBe('收入总计 100.00 元，支出总计 6,044,000.00 元，收支不平衡');
    expect(withSeparators('年终结余为 -6043900.00 元，2020年')).toBe('年终结余为 -6,043,900.00 元，2020年');
  });
});

describe('where a finding is fixed', () => {
  it('lands on the form field of every part, not on 表一', () => {
    const doc = broken();
    expect(formTarget(byRule('READY.FUNCTIONS_MISSING').location, doc)).toEqual({ tab: 'department', fieldIds: ['field-department.functions', 'field-department'] });
    expect(formTarget(byRule('READY.PERFORMANCE_TARGET').location, doc)?.tab).toBe('performance');
    expect(formTarget({ kind: 'document', path: 'priorYears.0.total' }, doc)).toMatchObject({ tab: 'prior', fieldIds: ['field-priorYears.0.total', 'field-priorYears.0', 'field-priorYears'] });
    expect(formTarget({ kind: 'document', path: 'explanations.noPriorYearReason' }, doc)?.tab).toBe('prior');
    expect(formTarget({ kind: 'document', path: 'explanations.assets' }, doc)?.tab).toBe('notes');
    expect(formTarget(byRule('TEXT.AMOUNT').location, doc)).toMatchObject({ tab: 'prior', fieldIds: ['field-explanations.totalChangeReason', 'field-explanations'] });
    expect(formTarget({ kind: 'text', section: 'three-public/total' }, doc)?.fieldIds[0]).toBe('field-explanations.threePublicChangeReason');
    const project = seed.projects[0]!.id;
    expect(formTarget({ kind: 'project', projectId: project, part: 'indicators', index: 1, field: 'target' }, doc)).toEqual({
      tab: 'projects',
      projectId: project,
      fieldIds: ['field-projects.0.indicators.1.target', 'field-projects.0.indicators.1', 'field-projects.0.indicators', 'field-projects.0', 'field-projects'],
    });
    expect(formTarget(byRule('BUDGET.BALANCED').location, doc)?.tab).toBe('incomeLines');
    expect(formTarget(byRule('T4.DEFICIT').location, doc)).toBeNull();
  });
});

describe('the failing cells inside the tables', () => {
  it('marks 表四’s 年终结余 row in its 预算数 column with the message', () => {
    const t4 = derived.disclosure.tables.find((t) => t.id === 'T4')!;
    const marks = tableMarks(derived.findings, t4, 'zh');
    const row = t4.rows.find((r) => r.name.includes('年终结余'))!;
    expect(marks.get(row.key)).toEqual({ message: expect.stringContaining('-6,043,900.00'), columns: [t4.columns.findIndex((c) => c.label === '预算数')] });
    expect([...marks.keys()]).toEqual([row.key]);
  });
});
