import type { TColumn, TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import { formatYuan, type Fen } from '../money/fen';

/**
 * A table cell: the exact sum in 元, or null where nothing is budgeted (the printed tables leave
 * those blank rather than print 0).
 */
export function amountCell(fen: Fen | number | undefined): string | null {
  return fen === undefined || fen === 0 ? null : formatYuan(fen as Fen);
}

export function amountColumn(key: string, label: string, group?: string): TColumn {
  return group === undefined ? { key, label, type: 'amount' } : { key, label, group, type: 'amount' };
}

export function textColumn(key: string, label: string, group?: string): TColumn {
  return group === undefined ? { key, label, type: 'text' } : { key, label, group, type: 'text' };
}

interface RowOptions {
  code?: string;
  section?: string;
  emphasis?: 'total';
  footer?: boolean;
}

export function makeRow(key: string, name: string, level: number, cells: TRow['cells'], options: RowOptions = {}): TRow {
  const row: TRow = { key, name, level, cells };
  if (options.code !== undefined) row.code = options.code;
  if (options.section !== undefined) row.section = options.section;
  if (options.emphasis !== undefined) row.emphasis = options.emphasis;
  if (options.footer === true) row.footer = true;
  return row;
}

/** Codes in the order the tables print them: numeric order, which is string order for equal lengths. */
export function byCode(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** What a projection derives: a table without what its template says (id, role, number, title, unit, precision). */
export type TableBody = Omit<TDisclosureTable, 'id' | 'role' | 'number' | 'title' | 'unit' | 'decimals' | 'emptyStatement'>;
