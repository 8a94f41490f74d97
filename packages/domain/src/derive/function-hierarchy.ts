import type { TRow } from '../disclosure/disclosure.schema';
import { addSplits, addToSplit, emptySplit, entry, splitCells, type BasicProject } from './basic-project-split';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import type { FunctionCell } from './line-aggregate';
import { byCode, makeRow } from './table-parts';

/**
 * Rows of 表5 and 表7: a total, then functional 类 → 款 → 项 → budget unit, each with 合计, 基本支出 and
 * 项目支出. Units are summed per 项, and each parent from its children, so 类 = Σ 款 = Σ 项 = Σ units
 * holds exactly in 元.
 */
export function functionHierarchyRows(ctx: DeriveContext, include: (cell: FunctionCell) => boolean): TRow[] {
  const byItem = new Map<string, Map<string, BasicProject>>();
  for (const c of ctx.aggregate.byFunction) {
    if (include(c)) addToSplit(entry(entry(byItem, c.functionCode, () => new Map()), c.unitCode, emptySplit), c.kind, c.fen);
  }
  if (byItem.size === 0) return [];
  const totals = new Map<string, BasicProject>();
  const total = emptySplit();
  for (const [item, units] of byItem) {
    const itemTotal = entry(totals, item, emptySplit);
    for (const split of units.values()) addSplits(itemTotal, split);
    addSplits(entry(totals, item.slice(0, 5), emptySplit), itemTotal);
    addSplits(entry(totals, item.slice(0, 3), emptySplit), itemTotal);
    addSplits(total, itemTotal);
  }
  const rows: TRow[] = [makeRow('total', '合计', 0, splitCells(total), { emphasis: 'total' })];
  const codeRow = (code: string, level: number) =>
    makeRow(code, nameOf(ctx.catalogue, 'functional', code), level, splitCells(totals.get(code) ?? emptySplit()), { code });
  // Sorted 项 codes come grouped by 类 and 款, so a parent row goes out where its prefix changes.
  let previous = '';
  for (const item of [...byItem.keys()].sort(byCode)) {
    if (item.slice(0, 3) !== previous.slice(0, 3)) rows.push(codeRow(item.slice(0, 3), 0));
    if (item.slice(0, 5) !== previous.slice(0, 5)) rows.push(codeRow(item.slice(0, 5), 1));
    rows.push(codeRow(item, 2));
    const units = byItem.get(item) ?? new Map<string, BasicProject>();
    for (const unitCode of [...units.keys()].sort(byCode)) {
      const unitName = ctx.unitNames.get(unitCode) ?? unitCode;
      rows.push(makeRow(`${item}:unit:${unitCode}`, unitName, 3, splitCells(units.get(unitCode) ?? emptySplit()), { code: unitCode }));
    }
    previous = item;
  }
  return rows;
}
