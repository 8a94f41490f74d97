import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TTableId } from '../disclosure/disclosure.schema';
import { formatYuan, parseFen, type Fen } from '../money/fen';
import { checkDisclosure } from './check-disclosure';
import { referencedRow } from './figures';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const cells = (d: TDisclosure, table: TTableId, row: string) =>
  referencedRow(d, { table, row, column: '' })!.cells;
/** 0.1 万元 more, in exact 分 */
const plusTenth = (text: string | null | undefined): string =>
  formatYuan((parseFen(text ?? '0') + 100_000) as Fen);
const ids = (d: TDisclosure) => checkDisclosure(d).map((f) => f.ruleId);

describe('identities across tables', () => {
  it('T3.TOTAL_VS_T1: 表3’s whole hierarchy 0.1 万元 higher than 表1', () => {
    const d = derived();
    // one more 0.1 万元 on 2010350 in 表3, carried consistently up to its 合计
    for (const row of ['total', 'unit:019001', 'unit:019001:func:2010350']) {
      const c = cells(d, 'T3', row);
      c.total = plusTenth(c.total);
      c.basic = plusTenth(c.basic);
    }
    const findings = checkDisclosure(d);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'T3.TOTAL_VS_T1',
        severity: 'error',
        location: { kind: 'table', table: 'T3', row: 'total', column: 'total' },
        expected: '6044000.00',
        actual: '6045000.00',
      }),
    );
    // 表1’s 201, 表9’s 基本支出 and Part 3’s total and basic figures now differ from 表3 too
    expect(findings.map((f) => f.ruleId).sort()).toEqual([
      'T1.FUNCTION_VS_T3',
      'T3.TOTAL_VS_T1',
      'T9.VS_TABLES',
      'TEXT.AMOUNT',
      'TEXT.AMOUNT',
    ]);
  });

  it('T1.FUNCTION_VS_T3: 表1 moves 0.1 万元 from 201 to 221, totals unchanged', () => {
    const d = derived();
    cells(d, 'T1', 'func:201').amount = '1435000.00';
    cells(d, 'T1', 'func:221').amount = '244000.00';
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.severity, f.location, f.expected, f.actual])).toEqual([
      [
        'T1.FUNCTION_VS_T3',
        'error',
        { kind: 'table', table: 'T1', row: 'func:201', column: 'amount' },
        '1436000.00',
        '1435000.00',
      ],
      [
        'T1.FUNCTION_VS_T3',
        'error',
        { kind: 'table', table: 'T1', row: 'func:221', column: 'amount' },
        '243000.00',
        '244000.00',
      ],
    ]);
  });

  it('T2.VS_T1: 表2 prints another amount for 经费拨款 than 表1', () => {
    const d = derived();
    for (const row of [
      'fiscal',
      'general-public',
      'src:general-budget-appropriation',
      'income-total',
      'income-grand-total',
    ]) {
      cells(d, 'T2', row).amount = '6043000.00';
    }
    const findings = checkDisclosure(d).filter((f) => f.ruleId === 'T2.VS_T1');
    expect(findings).toHaveLength(5);
    expect(findings[2]).toMatchObject({
      severity: 'error',
      location: { kind: 'table', table: 'T2', row: 'src:general-budget-appropriation', column: 'amount' },
      expected: '6044000.00',
    });
  });

  it('T4.VS_T5_T7: 表5 loses a 项 that 表4 still counts', () => {
    const d = derived();
    const t5 = d.tables.find((t) => t.id === 'T5')!;
    // drop 221 住房保障 (24.3 万元) from 表5 altogether, its 合计 adjusted
    t5.rows = t5.rows.filter((r) => !(r.key.startsWith('221') || r.key.startsWith('22102')));
    const total = cells(d, 'T5', 'total');
    total.total = '5801000.00';
    total.basic = '1831000.00';
    const found = checkDisclosure(d);
    expect(found).toContainEqual(
      expect.objectContaining({
        ruleId: 'T4.VS_T5_T7',
        severity: 'error',
        location: { kind: 'table', table: 'T4', row: 'econ-total', column: 'amount' },
        expected: '5801000.00',
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        ruleId: 'T6.TOTAL_VS_T5_BASIC',
        location: { kind: 'table', table: 'T6', row: 'total', column: 'total' },
      }),
    );
  });

  it('T6.TOTAL_VS_T5_BASIC: 表6 one 款 higher, consistently summed', () => {
    const d = derived();
    for (const row of ['total', '302', '30201']) {
      const c = cells(d, 'T6', row);
      c.total = plusTenth(c.total);
      c.public = plusTenth(c.public);
    }
    const findings = checkDisclosure(d);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'T6.TOTAL_VS_T5_BASIC',
        severity: 'error',
        expected: '2074000.00',
        actual: '2075000.00',
      }),
    );
    // 机关运行经费 in Part 3 now differs from 表6’s 日常公用经费 as well
    expect(ids(d)).toContain('TEXT.OPERATING_COSTS');
  });
});
