import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TTableId } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';
import { referencedRow } from './figures';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const set = (d: TDisclosure, table: TTableId, row: string, value: string | null) => {
  referencedRow(d, { table, row, column: 'amount' })!.cells.amount = value;
};
const cell = (table: TTableId, row: string) => ({ kind: 'table', table, row, column: 'amount' });

describe('收支预算总表 rules (表1, 表4)', () => {
  it.each(['T1', 'T4'] as const)(
    '%s.BALANCED: income with carry-over (604.5) against expenditure (604.4)',
    (table) => {
      const d = derived();
      // a consistent income side: 上年财政拨款结余 0.1 万元 carried into 收入总计
      set(d, table, 'src:carryover-fiscal', '1000.00');
      if (table === 'T1') set(d, table, 'carryover', '1000.00');
      set(d, table, 'income-grand-total', '6045000.00');
      const findings = checkDisclosure(d).filter((f) => f.ruleId === `${table}.BALANCED`);
      expect(findings).toEqual([
        expect.objectContaining({
          severity: 'error',
          location: cell(table, 'econ-grand-total'),
          expected: '6045000.00',
          actual: '6044000.00',
        }),
        expect.objectContaining({
          severity: 'error',
          location: cell(table, 'func-grand-total'),
          expected: '6045000.00',
          actual: '6044000.00',
        }),
      ]);
    },
  );

  it.each(['T1', 'T4'] as const)(
    '%s.VIEWS_AGREE: the functional side totals differently from the economic side',
    (table) => {
      const d = derived();
      set(d, table, 'func:221', '243001.00');
      set(d, table, 'func-total', '6044001.00');
      set(d, table, 'func-balance', '-1.00');
      const findings = checkDisclosure(d);
      expect(findings).toContainEqual(
        expect.objectContaining({
          ruleId: `${table}.VIEWS_AGREE`,
          severity: 'error',
          location: cell(table, 'func-total'),
          expected: '6044000.00',
          actual: '6044001.00',
        }),
      );
      // 表1's 类 row no longer matches 表3; Part 3 cites 表4's functional total: each is said too
      const others = table === 'T1' ? ['T1.FUNCTION_VS_T3'] : ['TEXT.AMOUNT'];
      expect(findings.map((f) => f.ruleId)).toEqual([`${table}.VIEWS_AGREE`, ...others]);
    },
  );

  it('T1.DEFICIT and T1.YEAR_END_BALANCE: a negative 年终结余 is an error, a positive one a warning', () => {
    const deficit = derived();
    set(deficit, 'T1', 'econ-balance', '-100.00');
    set(deficit, 'T1', 'econ-grand-total', '6043900.00');
    expect(checkDisclosure(deficit).filter((f) => f.ruleId.startsWith('T1.'))).toEqual([
      expect.objectContaining({ ruleId: 'T1.BALANCED', location: cell('T1', 'econ-grand-total') }),
      expect.objectContaining({
        ruleId: 'T1.DEFICIT',
        severity: 'error',
        location: cell('T1', 'econ-balance'),
        actual: '-100.00',
      }),
    ]);
    const surplus = derived();
    set(surplus, 'T4', 'econ-balance', '100.00');
    expect(checkDisclosure(surplus)).toContainEqual(
      expect.objectContaining({
        ruleId: 'T4.YEAR_END_BALANCE',
        severity: 'warning',
        location: cell('T4', 'econ-balance'),
        expected: '0.00',
      }),
    );
  });
});
