import './text-encoder.polyfill';
import { catalogueForYear, deriveDisclosure, type TBudgetDocument } from '@budgetflow/domain';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SubmitDialog } from '../src/features/editor/submit-dialog';
import { UnitBudgetsPanel } from '../src/features/units/unit-budgets-panel';
import { lockedUnitsOf } from '../src/features/units/unit-lines';
import { ApiError } from '../src/lib/api-client';
import type { TUnitBudgetRef } from '../src/lib/api-types';
import { I18nProvider, translate, type TLocale } from '../src/lib/i18n';
import { problemText } from '../src/lib/problem-text';
import { seedDocument } from './budget-fixture';
import { gridHarness } from './grid-harness';
import { layoutViewport } from './grid-test-setup';

beforeAll(layoutViewport);

const zh = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('zh', key, values);
const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('en', key, values);

const SELF = { code: '019001', name: '示例教育局（本级）', level: 'self' as const };
const SCHOOL = { code: '019001001', name: '示例第一中学', level: 'subordinate' as const };
const SECOND = { code: '019001002', name: '示例第二中学', level: 'subordinate' as const };

/** The department budget: lines 1–2 of its own level, 3 of the first school, 4 of the second. */
function departmentDocument(): TBudgetDocument {
  const seed = seedDocument();
  const units = [SELF.code, SELF.code, SCHOOL.code, SECOND.code];
  return {
    ...seed,
    department: { ...seed.department, units: [SELF, SCHOOL, SECOND] },
    expenditureLines: seed.expenditureLines.slice(0, 4).map((l, i) => ({ ...l, unitCode: units[i]! })),
  };
}

const UNIT_BUDGETS: TUnitBudgetRef[] = [
  { id: 'ub1', unit: { code: SCHOOL.code, name: SCHOOL.name }, state: 'approved', version: 5, updatedAt: '2020-03-01T02:00:00.000Z' },
  { id: 'ub2', unit: { code: SECOND.code, name: SECOND.name }, state: 'submitted', version: 2, updatedAt: '2020-03-02T02:00:00.000Z' },
];

const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement).value;
const rowOf = (n: number) => screen.getByLabelText(`金额（元） ${n}`).closest('[role="row"]') as HTMLElement;
const paste = (target: Element, text: string) => fireEvent.paste(target, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });

describe("a department budget's lines of units with a budget of their own", () => {
  const locks = lockedUnitsOf({ unit: null, unitBudgets: UNIT_BUDGETS }, 'zh');

  it('are named by their unit budget: 汇总 once approved, else prepared by the unit', () => {
    expect([...locks]).toEqual([
      [SCHOOL.code, '汇总自 示例第一中学 单位预算（已审核），只读'],
      [SECOND.code, '由 示例第二中学 在单位预算中编制（审核中），只读'],
    ]);
    // A unit budget holds no other unit's lines.
    expect(lockedUnitsOf({ unit: { code: SCHOOL.code, name: SCHOOL.name }, unitBudgets: [] }, 'zh').size).toBe(0);
  });

  it('are read-only in the grid: no code picker, no typing, no removal, marked with why', () => {
    render(gridHarness(departmentDocument(), null, locks));
    const consolidated = rowOf(3);
    expect(consolidated.dataset['readOnly']).toBe('true');
    expect(consolidated.getAttribute('title')).toBe('汇总自 示例第一中学 单位预算（已审核），只读');
    expect(within(consolidated).getByText('只读')).toBeTruthy();
    expect((screen.getByLabelText('金额（元） 3') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('备注 3') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('单位 3') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryByRole('combobox', { name: '功能科目 3' })).toBeNull();
    expect(screen.queryByRole('button', { name: '删除第 3 行' })).toBeNull();
    expect(screen.queryByRole('button', { name: '删除第 4 行' })).toBeNull();
    expect(rowOf(4).getAttribute('title')).toBe('由 示例第二中学 在单位预算中编制（审核中），只读');
    // The department's own lines stay editable.
    expect(rowOf(1).dataset['readOnly']).toBeUndefined();
    expect(screen.getByRole('button', { name: '删除第 1 行' })).toBeTruthy();
    expect((screen.getByLabelText('金额（元） 1') as HTMLInputElement).readOnly).toBe(false);
  });

  it('take no line of another unit: an editable line offers only the units without a budget of their own', () => {
    render(gridHarness(departmentDocument(), null, locks));
    const unit = screen.getByLabelText('单位 1');
    act(() => unit.focus());
    expect(within(unit).getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual([SELF.code]);
  });

  it('keep their values under a pasted block, which names each refused cell', async () => {
    render(gridHarness(departmentDocument(), null, locks));
    const before = value('金额（元） 3');
    paste(screen.getByLabelText('金额（元） 2'), '1,000\r\n2,000\r\n');
    const refused = await screen.findByRole('list', { name: '未采用的单元格' });
    expect(within(refused).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['第 3 行 · 金额（元） · 「2,000」：该行属于有单位预算的单位，只读']);
    expect(value('金额（元） 2')).toBe('1,000.00');
    expect(value('金额（元） 3')).toBe(before);
    expect(screen.getByLabelText('未保存').textContent).toBe('1');
  });

  it('refuse a pasted unit whose lines are read-only, and are not filled down into', async () => {
    render(gridHarness(departmentDocument(), null, locks));
    paste(screen.getByLabelText('单位 1'), `${SCHOOL.code}\r\n`);
    const refused = await screen.findByRole('list', { name: '未采用的单元格' });
    expect(within(refused).getAllByRole('listitem')).toHaveLength(1);
    expect(value('单位 1')).toBe(SELF.code);
    // Ctrl+D on the consolidated row copies nothing into it.
    const amount = screen.getByLabelText('金额（元） 3');
    act(() => amount.focus());
    fireEvent.keyDown(amount, { key: 'd', ctrlKey: true });
    await waitFor(() => expect(screen.getByLabelText('未保存').textContent).toBe('0'));
    expect(value('金额（元） 3')).toBe(departmentDocument().expenditureLines[2]!.amount.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  });
});

describe('the 单位预算 panel of a department budget', () => {
  it('lists each unit budget with its state as the department reads it, and what keeps the budget from being submitted', () => {
    render(
      <I18nProvider initial="zh">
        <UnitBudgetsPanel unitBudgets={UNIT_BUDGETS} lines={departmentDocument().expenditureLines} />
      </I18nProvider>,
    );
    const panel = screen.getByRole('region', { name: '单位预算' });
    const rows = within(panel).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').slice(0, 2).map((c) => c.textContent));
    expect(rows).toEqual([
      ['示例第一中学 019001001', '已审核汇总'],
      ['示例第二中学 019001002', '审核中'],
    ]);
    expect(within(panel).getByText(/已审核的单位预算，其支出明细自动汇总到部门预算/)).toBeTruthy();
    expect(within(panel).getByRole('note').textContent).toBe('尚有 1 个单位预算未审核通过，部门预算暂不能报送财政局。 2 行明细属于有单位预算的单位，只读。');
  });

  it('is not shown when the department has no unit budget', () => {
    const { container } = render(
      <I18nProvider initial="zh">
        <UnitBudgetsPanel unitBudgets={[]} />
      </I18nProvider>,
    );
    expect(container.textContent).toBe('');
  });
});

/** UNITS_NOT_APPROVED as the API answers the department budget's submit: the units still pending. */
function unitsNotApproved(): ApiError {
  const pending = [
    { code: SCHOOL.code, name: SCHOOL.name, state: 'submitted' },
    { code: SECOND.code, name: SECOND.name, state: 'returned' },
    { code: '019001003', name: '示例第三中学', state: null },
  ];
  return new ApiError(409, 'UNITS_NOT_APPROVED', 'unit budgets are not approved: 019001001, 019001002, 019001003', [], null, { code: 'UNITS_NOT_APPROVED', pending });
}

describe('the department budget refused while unit budgets are pending', () => {
  it('names each pending unit with its state, in Chinese and in English', () => {
    expect(problemText(unitsNotApproved(), zh)).toBe('单位预算尚未全部审核通过，部门预算暂不能报送。未审核通过的单位：示例第一中学（审核中）、示例第二中学（已退回）、示例第三中学（尚未编制）');
    expect(problemText(unitsNotApproved(), en)).toBe(
      'Not every unit budget is approved, so the department budget cannot be submitted yet. Units pending: 示例第一中学 (Under review), 示例第二中学 (Returned), 示例第三中学 (Not started)',
    );
    expect(problemText(new ApiError(409, 'UNITS_NOT_APPROVED', 'not approved'), zh)).toBe('单位预算尚未全部审核通过，部门预算暂不能报送');
  });

  async function refusedIn(locale: TLocale): Promise<string> {
    const seed = seedDocument();
    render(
      <I18nProvider initial={locale}>
        <SubmitDialog disclosure={deriveDisclosure(seed, catalogueForYear(seed.fiscalYear))} findings={[]} lineCount={seed.expenditureLines.length} unsaved={0} onSubmit={() => Promise.reject(unitsNotApproved())} onCancel={() => undefined} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: locale === 'zh' ? '确认送审' : 'Submit for review' }));
    return (await screen.findByRole('alert')).textContent ?? '';
  }

  it('says so in the submit dialog, never the code or the English detail', async () => {
    const shown = await refusedIn('zh');
    expect(shown).toContain('未审核通过的单位：示例第一中学（审核中）、示例第二中学（已退回）');
    expect(shown).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('and in English', async () => {
    expect(await refusedIn('en')).toContain('Units pending: 示例第一中学 (Under review)');
  });
});

describe('the words for the unit budgets’ refusals', () => {
  it.each(['NO_DEPARTMENT_BUDGET', 'UNITS_NOT_APPROVED', 'DEPARTMENT_BUDGET_LOCKED', 'UNIT_LINES_CONSOLIDATED'])('%s is said in words in both languages', (code) => {
    const error = new ApiError(409, code, `an English detail of ${code}`);
    for (const t of [zh, en]) {
      const text = problemText(error, t);
      expect(text).not.toContain(code);
      expect(text).not.toContain('an English detail');
      expect(text).not.toBe(t('problem_unknown', { status: 409 }));
    }
    expect(problemText(error, zh)).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('names the units whose lines a save touched (UNIT_LINES_CONSOLIDATED)', () => {
    const error = new ApiError(409, 'UNIT_LINES_CONSOLIDATED', 'lines of 019001001 are consolidated', [], null, { code: 'UNIT_LINES_CONSOLIDATED', units: [SCHOOL.code, SECOND.code], lineIds: ['L3', 'L4'] });
    expect(problemText(error, zh)).toBe('支出明细属于有单位预算的单位（019001001、019001002），由单位编制，在部门预算中只读，未能保存');
    expect(problemText(error, en)).toBe('Lines of units with their own budget (019001001, 019001002) are prepared by the units and read-only in the department budget; not saved');
  });
});
