import type { TableBody } from './table-parts';
import type { TRow } from '../disclosure/disclosure.schema';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { addSplits, addToSplit, emptySplit, entry, splitCells, type BasicProject } from './basic-project-split';
import { amountColumn, byCode, makeRow } from './table-parts';

const OF_WHICH = '其中：';

/**
 * 表3 支出预算总表: per budget unit, then per functional 项 within it: 合计, 基本支出, 项目支出. The
 * columns for 事业单位经营支出, 对附属单位补助支出 and 上缴上级支出 are printed by the standard form;
 * no line kind feeds them, so they stay blank.
 */
export function deriveT3(ctx: DeriveContext): TableBody {
  const byUnit = new Map<string, Map<string, BasicProject>>();
  for (const c of ctx.aggregate.byFunction) addToSplit(entry(entry(byUnit, c.unitCode, () => new Map()), c.functionCode, emptySplit), c.kind, c.fen);
  // the blank columns assigned, not spread into a copy: a spread per row cost more than the rest of the table
  const cells = (split: BasicProject): TRow['cells'] => {
    const row = splitCells(split);
    row.operating = null;
    row.subordinateSubsidy = null;
    row.remittance = null;
    return row;
  };
  const total = emptySplit();
  const unitRows: TRow[] = [];
  for (const unitCode of [...byUnit.keys()].sort(byCode)) {
    const items = byUnit.get(unitCode) ?? new Map<string, BasicProject>();
    const unitTotal = emptySplit();
    for (const split of items.values()) addSplits(unitTotal, split);
    addSplits(total, unitTotal);
    const unit = `unit:${unitCode}`;
    unitRows.push(makeRow(unit, ctx.unitNames.get(unitCode) ?? unitCode, 0, cells(unitTotal), { code: unitCode }));
    for (const code of [...items.keys()].sort(byCode)) {
      unitRows.push(makeRow(`${unit}:func:${code}`, nameOf(ctx.catalogue, 'functional', code), 1, cells(items.get(code) ?? emptySplit()), { code }));
    }
  }
  const rows: TRow[] = [makeRow('total', '合计', 0, cells(total), { emphasis: 'total' }), ...unitRows];
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { codeLabel: '单位编码', nameLabel: '单位名称' },
    columns: [
      amountColumn('total', '合计'),
      amountColumn('basic', '基本支出', OF_WHICH),
      amountColumn('project', '项目支出', OF_WHICH),
      amountColumn('operating', '事业单位经营支出', OF_WHICH),
      amountColumn('subordinateSubsidy', '对附属单位补助支出', OF_WHICH),
      amountColumn('remittance', '上缴上级支出', OF_WHICH),
    ],
    rows,
    preamble: [],
    blocks: [],
  };
}
