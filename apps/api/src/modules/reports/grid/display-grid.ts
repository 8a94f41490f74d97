/**
 * A table as it prints: header rows with merged cells, then body rows. The PDF and the workbook
 * draw from this one shape, so a header merged in one is merged in the other.
 */
export type TCellAlign = 'left' | 'center' | 'right';

/** What a body cell holds: an exact amount in 元 (displayed in 万元), a percentage, or text. */
export type TCellKind = 'amount' | 'percent' | 'text';

export interface TGridCell {
  /** The text as displayed (an amount already in 万元, one decimal). */
  text: string;
  kind?: TCellKind;
  /** For amounts: the exact value in 元 ("6044000.00"), for files that keep numbers as numbers. */
  yuan?: string;
  colSpan?: number;
  rowSpan?: number;
  align?: TCellAlign;
  bold?: boolean;
  /** Indentation steps, for rows nested under a parent (类 → 款 → 项). */
  indent?: number;
}

export interface TDisplayGrid {
  /** Header rows, repeated at the top of every page the table continues on. */
  header: TGridCell[][];
  body: TGridCell[][];
}

export interface TPlacedCell {
  cell: TGridCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface TPlacedGrid {
  placed: TPlacedCell[];
  rows: number;
  columns: number;
}

/** Assigns each cell its row and column, skipping the slots that spans from above already claim. */
export function placeCells(rows: TGridCell[][]): TPlacedGrid {
  const claimed = new Set<string>();
  const placed: TPlacedCell[] = [];
  let columns = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (claimed.has(`${r},${c}`)) c += 1;
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      for (let i = 0; i < rowSpan; i += 1) for (let j = 0; j < colSpan; j += 1) claimed.add(`${r + i},${c + j}`);
      placed.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
    while (claimed.has(`${r},${c}`)) c += 1;
    columns = Math.max(columns, c);
  });
  return { placed, rows: rows.length, columns };
}
