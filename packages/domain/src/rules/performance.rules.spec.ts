import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TRow } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';
import { referencedRow } from './figures';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const t9Row = (d: TDisclosure, row: string): TRow =>
  referencedRow(d, { table: 'T9', row, column: 'amount' })!;

describe('表9 rules', () => {
  it('the derived 表9 states 34.3 and 65.7', () => {
    const d = derived();
    expect([t9Row(d, 'basic').cells.share, t9Row(d, 'project').cells.share]).toEqual(['34.3', '65.7']);
    expect(checkDisclosure(d)).toEqual([]);
  });

  it('T9.SHARE: the seed’s printed 表9 (占比 100 for both 基本 207.4 and 项目 397) is reported, row by row', () => {
    const d = derived();
    // as the seed prints it: 100 for every row of both sides, 0 for 其他资金
    for (const key of ['income-fiscal', 'income-total', 'basic', 'project', 'expenditure-total'])
      t9Row(d, key).cells.share = '100';
    t9Row(d, 'income-other').cells.share = '0';
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'T9.SHARE',
        severity: 'error',
        location: { kind: 'table', table: 'T9', row: 'basic', column: 'share' },
        expected: '34.3',
        actual: '100',
      }),
      expect.objectContaining({
        ruleId: 'T9.SHARE',
        severity: 'error',
        location: { kind: 'table', table: 'T9', row: 'project', column: 'share' },
        expected: '65.7',
        actual: '100',
      }),
    ]);
  });

  it('T9.SHARE: the message names the figures in both languages', () => {
    const d = derived();
    t9Row(d, 'basic').cells.share = '100';
    const [finding] = checkDisclosure(d);
    expect(finding?.message.zh).toContain('应为 2074000.00 ÷ 6044000.00 = 34.3%');
    expect(finding?.message.en).toContain('2074000.00 ÷ 6044000.00 is 34.3%');
  });

  it('T9.VS_TABLES: 表9’s basic and project amounts moved against 表3, the total unchanged', () => {
    const d = derived();
    t9Row(d, 'basic').cells.amount = '2075000.00';
    t9Row(d, 'project').cells.amount = '3969000.00';
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.severity, f.location, f.expected, f.actual])).toEqual([
      [
        'T9.VS_TABLES',
        'error',
        { kind: 'table', table: 'T9', row: 'basic', column: 'amount' },
        '2074000.00',
        '2075000.00',
      ],
      [
        'T9.VS_TABLES',
        'error',
        { kind: 'table', table: 'T9', row: 'project', column: 'amount' },
        '3970000.00',
        '3969000.00',
      ],
    ]);
  });
});
