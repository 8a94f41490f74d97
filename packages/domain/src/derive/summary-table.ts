import type { TableBody } from './table-parts';
import type { TRow } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import { nameOf, type NameCatalogue } from './catalogue-names';
import { incomeSide } from './income-rows';
import { overUnits, sumCells, totalOf, type FundFamily, type LineAggregate } from './line-aggregate';
import { amountCell, amountColumn, byCode, makeRow } from './table-parts';

/** Economic 类 rows 表1/表4 always print, in this order, whether or not anything is budgeted. */
export const PRINTED_ECONOMIC_CLASSES = ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399'] as const;

/** Functional 类 rows 表1/表4 always print (the district-level form; other 类 appear when used). */
export const PRINTED_FUNCTIONAL_CLASSES = [
  '201', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '221', '224', '227', '229',
  '231', '232', '233',
] as const;

interface SummarySpec {
  fiscalOnly: boolean;
  include: (family: FundFamily) => boolean;
}

/**
 * 收支预算总表 and its fiscal twin: three side-by-side sections, income by source, expenditure by
 * economic 类 and by functional 类, with footers that line up (本年收入合计 = 本年支出合计; 年终结余 is
 * what income including carryover leaves after expenditure).
 */
export function summaryTable(
  spec: SummarySpec,
  aggregate: LineAggregate,
  catalogue: NameCatalogue,
): TableBody {
  const incomeRows = incomeSide(aggregate.incomeBySource, spec.fiscalOnly, 'income');
  const include = (c: { family: FundFamily }) => spec.include(c.family);
  const cells = overUnits(aggregate);
  const byClass = {
    econ: sumCells(cells.byEconomic, include, (c) => c.economicCode.slice(0, 3)),
    func: sumCells(cells.byFunction, include, (c) => c.functionCode.slice(0, 3)),
  };
  const expenditure = totalOf(cells.byEconomic, include);
  const balance = (incomeRows.grandTotal - expenditure) as Fen;

  const side = (section: 'econ' | 'func', kind: 'economic' | 'functional', printed: readonly string[]): TRow[] => {
    const sums = byClass[section];
    const codes = [...new Set([...printed, ...sums.keys()])].sort(byCode);
    const sectionKey = kind === 'economic' ? 'economic' : 'functional';
    const rows = codes.map((code) =>
      makeRow(`${section}:${code}`, nameOf(catalogue, kind, code), 0, { amount: amountCell(sums.get(code)) }, {
        code,
        section: sectionKey,
      }),
    );
    const footer = { section: sectionKey, footer: true };
    rows.push(
      makeRow(`${section}-total`, '本年支出合计', 0, { amount: amountCell(expenditure) }, { ...footer, emphasis: 'total' }),
      makeRow(`${section}-balance`, '年终结余', 0, { amount: amountCell(balance) }, footer),
      makeRow(`${section}-grand-total`, '支出总计', 0, { amount: amountCell(expenditure + balance) }, { ...footer, emphasis: 'total' }),
    );
    return rows;
  };

  return {
    layout: 'side-by-side',
    sections: [
      { key: 'income', label: '收入', nameLabel: '项目' },
      { key: 'economic', label: '经济分类支出', nameLabel: '项目' },
      { key: 'functional', label: '功能分类支出', nameLabel: '科目' },
    ],
    rowHeader: { nameLabel: '项目' },
    columns: [amountColumn('amount', '预算数')],
    rows: [
      ...incomeRows.rows,
      ...side('econ', 'economic', PRINTED_ECONOMIC_CLASSES),
      ...side('func', 'functional', PRINTED_FUNCTIONAL_CLASSES),
    ],
    preamble: [],
    blocks: [],
  };
}
