import type { TRow } from '../disclosure/disclosure.schema';
import type { TColumnSet, TFundScope } from '../templates/template.schema';
import { nameOf } from './catalogue-names';
import { addMoney, addMonies, cellsOf, emptyMoney, inFundScope, type Money } from './column-sets';
import type { DeriveContext } from './derive-context';
import { entry } from './basic-project-split';
import { byCode, makeRow } from './table-parts';

export interface FunctionTableOptions {
  funds: TFundScope;
  columns: TColumnSet;
  /** Print each 项's units under it (Hubei's 表五 and 表七). */
  units: boolean;
}

/**
 * Rows of a functional-classification table: a total, then 类 → 款 → 项 (→ budget unit), the cells
 * in the template's column set. Units are summed per 项 and each parent from its children, so
 * 类 = Σ 款 = Σ 项 = Σ units holds exactly in 元.
 */
export function functionTableRows(ctx: DeriveContext, options: FunctionTableOptions): TRow[] {
  const byItem = new Map<string, Map<string, Money>>();
  for (const c of ctx.aggregate.byFunction) {
    if (inFundScope(options.funds, c.family)) addMoney(entry(entry(byItem, c.functionCode, () => new Map()), c.unitCode, emptyMoney), c);
  }
  if (byItem.size === 0) return [];
  const totals = new Map<string, Money>();
  const total = emptyMoney();
  for (const [item, units] of byItem) {
    const itemTotal = entry(totals, item, emptyMoney);
    for (const money of units.values()) addMonies(itemTotal, money);
    addMonies(entry(totals, item.slice(0, 5), emptyMoney), itemTotal);
    addMonies(entry(totals, item.slice(0, 3), emptyMoney), itemTotal);
    addMonies(total, itemTotal);
  }
  const cells = (money: Money | undefined) => cellsOf(options.columns, money ?? emptyMoney());
  const rows: TRow[] = [makeRow('total', '合计', 0, cells(total), { emphasis: 'total' })];
  const codeRow = (code: string, level: number) => makeRow(code, nameOf(ctx.catalogue, 'functional', code), level, cells(totals.get(code)), { code });
  // Sorted 项 codes come grouped by 类 and 款, so a parent row goes out where its prefix changes.
  let previous = '';
  for (const item of [...byItem.keys()].sort(byCode)) {
    if (item.slice(0, 3) !== previous.slice(0, 3)) rows.push(codeRow(item.slice(0, 3), 0));
    if (item.slice(0, 5) !== previous.slice(0, 5)) rows.push(codeRow(item.slice(0, 5), 1));
    rows.push(codeRow(item, 2));
    if (options.units) {
      const units = byItem.get(item) ?? new Map<string, Money>();
      for (const unitCode of [...units.keys()].sort(byCode)) {
        rows.push(makeRow(`${item}:unit:${unitCode}`, ctx.unitNames.get(unitCode) ?? unitCode, 3, cells(units.get(unitCode)), { code: unitCode }));
      }
    }
    previous = item;
  }
  return rows;
}
