import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import { ZDisclosure, type TDisclosure, type TRow } from '../disclosure/disclosure.schema';
import { formatAmount } from '../money/display';
import { formatYuan, parseFen } from '../money/fen';
import { parseWanText } from '../money/wan-text';
import { checkDisclosure } from './check-disclosure';
import { gridsOf } from './disclosure-grid';
import { figuresOf } from './figures';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));

/** An amount as someone typing the printed table would: 417.08 万元 printed as 417.1, typed as 4171000.00 元. */
const asPrinted = (yuan: string): string => formatYuan(parseWanText(formatAmount(parseFen(yuan)))!.fen);

/** The seed as another publisher's disclosure: every 万元 cell and figure known only to 0.1 万元. */
function transcribed(): TDisclosure {
  const d = derived();
  d.meta.amountPrecision = 'display-rounded';
  for (const grid of gridsOf(d)) {
    if (grid.unit !== '万元') continue;
    const amounts = grid.columns.filter((c) => c.type === 'amount').map((c) => c.key);
    for (const row of grid.rows as TRow[]) {
      for (const key of amounts) {
        const value = row.cells[key];
        if (value !== null && value !== undefined) row.cells[key] = asPrinted(value);
      }
    }
  }
  for (const { figure } of figuresOf(d)) if (figure.kind === 'amount') figure.value = asPrinted(figure.value);
  return d;
}

describe('checkDisclosure', () => {
  it('finds nothing on the disclosure derived from the seed', () => {
    expect(checkDisclosure(derived())).toEqual([]);
  });

  it('checks a disclosure read from JSON with ZDisclosure, as one made outside Budgetflow arrives', () => {
    const parsed = ZDisclosure.parse(JSON.parse(JSON.stringify(derived())));
    expect(checkDisclosure(parsed)).toEqual([]);
    parsed.tables.find((t) => t.id === 'T8')!.rows.find((r) => r.key === 'total')!.cells.amount = '9000.00';
    expect(checkDisclosure(parsed).map((f) => f.ruleId)).toContain('TABLE.TOTAL_SUM');
  });

  it('allows a transcribed table its rounding (尾差): 商品和服务 417.1 + 184.8 + 2.5 ≠ 604.4 is no error', () => {
    const d = transcribed();
    const goods = d.tables.find((t) => t.id === 'T1')!.rows.find((r) => r.key === 'econ:302')!;
    expect(goods.cells.amount).toBe('4171000.00');
    expect(checkDisclosure(d)).toEqual([]);
  });

  it('still finds a transcribed table’s real mistakes: the seed’s 表9 and its 4%', () => {
    const d = transcribed();
    const t9 = d.tables.find((t) => t.id === 'T9')!;
    for (const row of t9.rows) row.cells.share = row.key === 'income-other' ? '0' : '100';
    const share = figuresOf(d).find((p) => p.figure.key === 'fiscal-share:221')!;
    share.paragraph.text = share.paragraph.text.replace('4.0%', '4%');
    share.figure.text = '4';
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.severity, f.location])).toEqual([
      ['T9.SHARE', 'error', { kind: 'table', table: 'T9', row: 'basic', column: 'share' }],
      ['T9.SHARE', 'error', { kind: 'table', table: 'T9', row: 'project', column: 'share' }],
      ['TEXT.SHARE_DECIMALS', 'warning', { kind: 'text', section: 'fiscal/fiscal-share:221' }],
    ]);
  });

  it('finds a transcription off by more than its rounding', () => {
    const d = transcribed();
    const goods = d.tables.find((t) => t.id === 'T1')!.rows.find((r) => r.key === 'econ:302')!;
    goods.cells.amount = '4181000.00'; // 418.1 where the sum allows 417.1 ± 0.1
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TABLE.TOTAL_SUM',
        location: { kind: 'table', table: 'T1', row: 'econ-total', column: 'amount' },
      }),
    ]);
  });

  it('sees a disclosure changed between two checks, rows replaced included', () => {
    const d = derived();
    expect(checkDisclosure(d)).toEqual([]);
    const t8 = d.tables.find((t) => t.id === 'T8')!;
    t8.rows = t8.rows.map((r) => (r.key === 'total' ? { ...r, cells: { amount: '9000.00' } } : r));
    expect(checkDisclosure(d).map((f) => f.ruleId)).toContain('TABLE.TOTAL_SUM');
  });
});
