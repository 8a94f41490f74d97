import type { TRow } from '../disclosure/disclosure.schema';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { sumCells, type AggregateCell } from './line-aggregate';
import { amountCell, byCode, makeRow } from './table-parts';

/**
 * Rows of 表5 and 表7: a total, then functional 类 → 款 → 项 → budget unit, each with 合计, 基本支出 and
 * 项目支出. Each parent is summed from the same cells as its children, so 类 = Σ 款 = Σ 项 = Σ units
 * holds exactly in 元.
 */
export function functionHierarchyRows(ctx: DeriveContext, include: (cell: AggregateCell) => boolean): TRow[] {
  const sums = sumCells(ctx.aggregate.cells, include, (c) => {
    const part = c.kind === 'project' ? 'project' : 'basic';
    const f = c.functionCode;
    const keys = ['total', f.slice(0, 3), f.slice(0, 5), f, `${f}:unit:${c.unitCode}`];
    return [...keys, ...keys.map((k) => `${k}|${part}`)];
  });
  if (!sums.has('total')) return [];
  const cells = (key: string): TRow['cells'] => ({
    total: amountCell(sums.get(key)),
    basic: amountCell(sums.get(`${key}|basic`)),
    project: amountCell(sums.get(`${key}|project`)),
  });
  const keys = [...sums.keys()].filter((k) => !k.includes('|') && k !== 'total');
  const childrenOf = (parent: string, length: number) =>
    keys.filter((k) => k.length === length && /^\d+$/.test(k) && k.startsWith(parent)).sort(byCode);

  const rows: TRow[] = [makeRow('total', '合计', 0, cells('total'), { emphasis: 'total' })];
  for (const cls of childrenOf('', 3)) {
    rows.push(makeRow(cls, nameOf(ctx.catalogue, 'functional', cls), 0, cells(cls), { code: cls }));
    for (const section of childrenOf(cls, 5)) {
      rows.push(makeRow(section, nameOf(ctx.catalogue, 'functional', section), 1, cells(section), { code: section }));
      for (const item of childrenOf(section, 7)) {
        rows.push(makeRow(item, nameOf(ctx.catalogue, 'functional', item), 2, cells(item), { code: item }));
        const units = keys.filter((k) => k.startsWith(`${item}:unit:`)).sort();
        for (const unitKey of units) {
          const unitCode = unitKey.slice(`${item}:unit:`.length);
          rows.push(makeRow(unitKey, ctx.unitNames.get(unitCode) ?? unitCode, 3, cells(unitKey), { code: unitCode }));
        }
      }
    }
  }
  return rows;
}
