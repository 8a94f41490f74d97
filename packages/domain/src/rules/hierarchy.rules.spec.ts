import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TGridBlock, TProjectBlock, TTableId } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';
import { referencedRow } from './figures';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const cells = (d: TDisclosure, table: TTableId, row: string) =>
  referencedRow(d, { table, row, column: '' })!.cells;
const projectGrid = (d: TDisclosure, key: string): TGridBlock => {
  const project = d.tables.find((t) => t.id === 'T10')!.blocks[0] as TProjectBlock;
  return project.blocks.find((b): b is TGridBlock => b.type === 'grid' && b.key === key)!;
};

describe('hierarchy rules', () => {
  it('TABLE.PARENT_SUM: a unit row of 表5 no longer adds up to its 项 (basic and total moved together)', () => {
    const d = derived();
    const unit = cells(d, 'T5', '2010350:unit:019001');
    unit.total = '1437000.00';
    unit.basic = '1437000.00';
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.severity, f.location, f.expected, f.actual])).toEqual([
      [
        'TABLE.PARENT_SUM',
        'error',
        { kind: 'table', table: 'T5', row: '2010350', column: 'total' },
        '1437000.00',
        '1436000.00',
      ],
      [
        'TABLE.PARENT_SUM',
        'error',
        { kind: 'table', table: 'T5', row: '2010350', column: 'basic' },
        '1437000.00',
        '1436000.00',
      ],
    ]);
  });

  it('TABLE.PARENT_SUM: the 类 of 表6 against its 款 (工资福利 184.8 = Σ 301xx)', () => {
    const d = derived();
    cells(d, 'T6', '30101').total = '385000.00';
    cells(d, 'T6', '30101').personnel = '385000.00';
    const findings = checkDisclosure(d).filter((f) => f.ruleId === 'TABLE.PARENT_SUM');
    expect(findings.map((f) => f.location)).toEqual([
      { kind: 'table', table: 'T6', row: '301', column: 'total' },
      { kind: 'table', table: 'T6', row: '301', column: 'personnel' },
    ]);
    expect(findings[0]?.message.zh).toBe(
      '表六「301 工资福利支出」预算数为 1848000.00 元，其下级之和为 1849000.00 元',
    );
  });

  it('TABLE.PARENT_SUM: a lone 其中 row may be less than its parent, never more', () => {
    const d = derived();
    const sources = projectGrid(d, 'fund-sources');
    sources.rows.find((r) => r.key === 'fiscal-current')!.cells.amount = '3000000.00';
    expect(checkDisclosure(d)).toEqual([]);
    sources.rows.find((r) => r.key === 'fiscal-current')!.cells.amount = '3980000.00';
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TABLE.PARENT_SUM',
        location: { kind: 'table', table: 'T10', row: 'P2020-001/fund-sources/fiscal', column: 'amount' },
        expected: '>= 3980000.00',
      }),
    ]);
  });

  it('TABLE.PARENT_SUM: the sub-items of 表10’s 委托业务费 against their line', () => {
    const d = derived();
    projectGrid(d, 'details').rows.find((r) => r.key === 'detail:3:1')!.cells.amount = '241001.00';
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TABLE.PARENT_SUM',
        location: { kind: 'table', table: 'T10', row: 'P2020-001/details/detail:3', column: 'amount' },
      }),
    ]);
  });

  it('TABLE.TOTAL_SUM: 表8’s 合计 is not the sum of its rows', () => {
    const d = derived();
    cells(d, 'T8', 'total').amount = '9000.00';
    expect(checkDisclosure(d)).toContainEqual(
      expect.objectContaining({
        ruleId: 'TABLE.TOTAL_SUM',
        severity: 'error',
        location: { kind: 'table', table: 'T8', row: 'total', column: 'amount' },
        expected: '8000.00',
      }),
    );
  });

  it('TABLE.TOTAL_SUM: 表1’s 收入总计 is 本年收入合计 plus 上年结余 (footer rows)', () => {
    const d = derived();
    cells(d, 'T1', 'src:carryover-other').amount = '500.00';
    const findings = checkDisclosure(d).filter(
      (f) => f.location.kind === 'table' && f.location.table === 'T1',
    );
    expect(findings.map((f) => [f.ruleId, f.location])).toEqual([
      ['TABLE.PARENT_SUM', { kind: 'table', table: 'T1', row: 'carryover', column: 'amount' }],
    ]);
    cells(d, 'T1', 'carryover').amount = '500.00';
    expect(
      checkDisclosure(d)
        .filter((f) => f.location.kind === 'table' && f.location.table === 'T1')
        .map((f) => [f.ruleId, f.location]),
    ).toEqual([
      ['TABLE.TOTAL_SUM', { kind: 'table', table: 'T1', row: 'income-grand-total', column: 'amount' }],
    ]);
  });

  it('TABLE.COLUMN_SUM: 合计 ≠ 基本 + 项目 on a row of 表3', () => {
    const d = derived();
    const c = cells(d, 'T3', 'unit:019001:func:2150502');
    c.basic = '1000.00';
    c.project = '3969000.00';
    expect(checkDisclosure(d).filter((f) => f.ruleId === 'TABLE.COLUMN_SUM')).toEqual([]);
    c.project = '3970000.00';
    expect(checkDisclosure(d)).toContainEqual(
      expect.objectContaining({
        ruleId: 'TABLE.COLUMN_SUM',
        severity: 'error',
        location: { kind: 'table', table: 'T3', row: 'unit:019001:func:2150502', column: 'total' },
        expected: '3971000.00',
        actual: '3970000.00',
      }),
    );
  });

  it('TABLE.COLUMN_SUM leaves alone merged headers that are not 其中 (表9 近两年收支情况)', () => {
    const d = derived();
    const t9 = d.tables.find((t) => t.id === 'T9')!;
    expect(t9.columns.filter((c) => c.group !== undefined).map((c) => c.key)).toEqual([
      'twoYearsAgo',
      'lastYear',
    ]);
    expect(checkDisclosure(d)).toEqual([]);
  });
});
