import type { DisplayCell, DisplayGrid } from '@budgetflow/domain';

type TSpan = Pick<DisplayCell, 'colSpan' | 'rowSpan'>;

/**
 * The column each cell starts at, row by row: a row's cells leave out those a rowSpan from above
 * covers (as HTML does), so a cell's place is the first column no cell above still holds.
 */
export function startColumns(rows: readonly (readonly TSpan[])[]): number[][] {
  const held = new Map<number, Set<number>>();
  const hold = (row: number, column: number) => {
    const columns = held.get(row) ?? new Set<number>();
    columns.add(column);
    held.set(row, columns);
  };
  return rows.map((cells, r) => {
    let column = 0;
    return cells.map((c) => {
      while (held.get(r)?.has(column) === true) column += 1;
      const start = column;
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) hold(r + dr, start + dc);
      column += c.colSpan;
      return start;
    });
  });
}

/**
 * Which cells stay while the figures scroll sideways on a phone: those of the table's first name
 * column, header included, and only they. A table of two or three sides (表一, 表四: 收入 项目 /
 * 支出 科目 / 经济分类) has a name column per side; freezing them all stacks them at the left edge
 * over the first side's figures. A cell spanning more than that column (a side's title, a 合计
 * across) scrolls, since freezing it would cover the columns it spans.
 */
export function frozenCells(grid: Pick<DisplayGrid, 'header' | 'body'>): { header: boolean[][]; body: boolean[][] } {
  const bodyColumns = startColumns(grid.body.map((r) => r.cells));
  const nameColumns = grid.body.flatMap((r, i) => r.cells.flatMap((c, j) => (c.kind === 'name' ? [bodyColumns[i]?.[j] ?? 0] : [])));
  const frozen = nameColumns.length === 0 ? -1 : Math.min(...nameColumns);
  const mark = (rows: readonly (readonly TSpan[])[], columns: number[][]) =>
    rows.map((cells, i) => cells.map((c, j) => c.colSpan === 1 && columns[i]?.[j] === frozen));
  return { header: mark(grid.header, startColumns(grid.header)), body: mark(grid.body.map((r) => r.cells), bodyColumns) };
}
