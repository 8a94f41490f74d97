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
  const columns = source.columns;
  const sideBySide = 'layout' in source && source.layout === 'side-by-side';
  const header = display.header.map((row) => row.map((c): TGridCell => ({ text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan })));
  const body = display.body.map((row) => {
    const segments = sideBySide ? row.key.split('|') : [row.key];
    const width = sideBySide ? row.cells.length / segments.length : row.cells.length;
    return row.cells.map((c, i): TGridCell => {
      const segment = Math.floor(i / width);
      const column = columns[(i % width) - (width - columns.length)];
      const yuan = c.kind === 'amount' && column ? rows.get(segments[segment] ?? '')?.cells[column.key] : undefined;
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
