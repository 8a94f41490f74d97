import type { TRow } from '../disclosure/disclosure.schema';
import type { TColumnSet, TFundScope } from '../templates/template.schema';
import { entry } from './basic-project-split';
import { nameOf } from './catalogue-names';
import { addMoney, addMonies, cellsOf, emptyMoney, inFundScope, type Money } from './column-sets';
import type { DeriveContext } from './derive-context';
import { overUnits, type EconomicCodeCell } from './line-aggregate';
import { byCode, makeRow } from './table-parts';

export interface EconomicTableOptions {
  funds: TFundScope;
  columns: TColumnSet;
  /** 机关运行经费: only 公用经费, and only of 行政 and 参公 units (units of no stated category count). */
  operatingCostsOnly: boolean;
}

/** Units whose 公用经费 is 机关运行经费: 行政单位 and 参公事业单位, and those whose category is not stated. */
export function operatingCostUnits(ctx: DeriveContext): ReadonlySet<string> {
  return new Set(ctx.doc.department.units.filter((u) => u.category !== 'institution').map((u) => u.code));
}

/**
 * Rows of a basic-expenditure table by economic 类 → 款: a total, then each 类 and its 款, the cells
 * in the template's column set (合计 | 人员经费 | 公用经费, or one 金额).
 */
export function economicTableRows(ctx: DeriveContext, options: EconomicTableOptions): TRow[] {
  const operatingUnits = options.operatingCostsOnly ? operatingCostUnits(ctx) : undefined;
  const bySection = new Map<string, Money>();
  // only 机关运行经费 asks which unit a cell is of: the other tables sum the cells over units
  const source: readonly (EconomicCodeCell & { unitCode?: string })[] = operatingUnits === undefined ? overUnits(ctx.aggregate).byEconomic : ctx.aggregate.byEconomic;
  for (const c of source) {
    if (c.kind === 'project' || !inFundScope(options.funds, c.family)) continue;
    if (operatingUnits !== undefined && (c.kind !== 'basic-public' || c.unitCode === undefined || !operatingUnits.has(c.unitCode))) continue;
    addMoney(entry(bySection, c.economicCode, emptyMoney), c);
  }
  if (bySection.size === 0) return [];
  const byClass = new Map<string, Money>();
  const total = emptyMoney();
  for (const [code, money] of bySection) {
    addMonies(entry(byClass, code.slice(0, 3), emptyMoney), money);
    addMonies(total, money);
  }
  const cells = (money: Money | undefined) => cellsOf(options.columns, money ?? emptyMoney());
  const rows: TRow[] = [makeRow('total', '合计', 0, cells(total), { emphasis: 'total' })];
  let previous = '';
  for (const code of [...bySection.keys()].sort(byCode)) {
    const cls = code.slice(0, 3);
    if (cls !== previous) rows.push(makeRow(cls, nameOf(ctx.catalogue, 'economic', cls), 0, cells(byClass.get(cls)), { code: cls }));
    rows.push(makeRow(code, nameOf(ctx.catalogue, 'economic', code), 1, cells(bySection.get(code)), { code }));
    previous = cls;
  }
  return rows;
}
