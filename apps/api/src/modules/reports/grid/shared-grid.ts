import { displayUnitOf, toDisplayGrid, type DisplayCell, type TDisclosureTable, type TGridBlock } from '@budgetflow/domain';
import type { TCellAlign, TDisplayGrid, TGridCell } from './display-grid';

type TGridSource = TDisclosureTable | TGridBlock;

const ALIGN: Record<DisplayCell['kind'], TCellAlign> = {
  header: 'center',
  section: 'center',
  code: 'left',
  name: 'left',
  amount: 'right',
  percent: 'right',
  text: 'left',
};

/**
 * The domain's display grid of a table or sub-table (the one layout every renderer shares), with each
 * amount cell given back its exact value in 元 so that a workbook can keep numbers as numbers. A body
 * row's value cells are its last ones; side-by-side rows join their sections' row keys with "|".
 */
export function sharedGrid(source: TGridSource, unit: string): TDisplayGrid {
  const display = toDisplayGrid(source, { unit: displayUnitOf({ unit }) });
  const rows = new Map(source.rows.map((r) => [r.key, r]));
  const header = display.header.map((row) => row.map((c): TGridCell => ({ text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan })));
  const body = display.body.map((row) => {
    const columnOf = valueColumns(source, row.key, row.cells.length);
    return row.cells.map((c, i): TGridCell => {
      const at = columnOf[i];
      const yuan = c.kind === 'amount' && at !== undefined ? rows.get(at.row)?.cells[at.column] : undefined;
      return {
        text: c.text,
        colSpan: c.colSpan,
        rowSpan: c.rowSpan,
        kind: c.kind === 'amount' || c.kind === 'percent' ? c.kind : 'text',
        ...(yuan ? { yuan } : {}),
        align: ALIGN[c.kind],
        bold: row.emphasis || c.kind === 'section',
        indent: c.kind === 'name' ? c.indent : 0,
      };
    });
  });
  return { header, body };
}

/**
 * Which row and column each cell of a display row shows: a row's value cells are its last ones; a
 * side-by-side row is its sections' rows next to each other (keys joined with "|"), each a name
 * and the columns that section prints.
 */
function valueColumns(source: TGridSource, key: string, cellCount: number): ({ row: string; column: string } | undefined)[] {
  const out: ({ row: string; column: string } | undefined)[] = [];
  if (!('layout' in source) || source.layout !== 'side-by-side') {
    const lead = cellCount - source.columns.length;
    for (let i = 0; i < cellCount; i++) {
      const column = source.columns[i - lead];
      out.push(column === undefined ? undefined : { row: key, column: column.key });
    }
    return out;
  }
  const segments = key.split('|');
  source.sections.forEach((section, p) => {
    const columns = section.columns === undefined ? source.columns : source.columns.filter((c) => section.columns?.includes(c.key));
    out.push(undefined, ...columns.map((c) => ({ row: segments[p] ?? '', column: c.key })));
  });
  return out;
}
