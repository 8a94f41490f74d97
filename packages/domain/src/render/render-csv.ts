import type { TDisclosure, TDisclosureTable, TGridBlock, TRow } from '../disclosure/disclosure.schema';
import type { AmountFormat } from '../money/display';
import { displayValue, formatFor } from './display-grid';
import { neutraliseFormula } from './formula-text';

/** The header of the cell-per-row CSV. */
export const CSV_HEADER = ['table', 'section', 'code', 'name', 'column', 'value'] as const;

/** Byte-order mark: spreadsheet programs read the file as UTF-8 only with it. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV field: quoted when it holds a separator, quote or line break (RFC 4180); text a
 * spreadsheet would run as a formula is neutralised (see formula-text.ts), numbers are not.
 */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function gridRecords(tableId: string, grid: Pick<TDisclosureTable, 'columns' | 'rows'>, sectionOf: (row: TRow) => string, format: AmountFormat): string[][] {
  return grid.rows.flatMap((row) =>
    grid.columns.map((column) => [tableId, sectionOf(row), row.code ?? '', row.name, column.label, displayValue(row.cells[column.key], column, format)]),
  );
}

function tableRecords(table: TDisclosureTable, options: AmountFormat): string[][] {
  const format: AmountFormat = formatFor(table, options);
  const sectionLabels = new Map(table.sections.map((s) => [s.key, s.label]));
  const records = gridRecords(table.id, table, (row) => (row.section === undefined ? '' : (sectionLabels.get(row.section) ?? row.section)), format);
  if (table.emptyStatement !== undefined && table.rows.length === 0) records.push([table.id, '', '', table.emptyStatement, '', '']);
  // Sub-tables of 表9/表10 (fund sources, detail, procurement): the section names where they belong.
  const subGrid = (grid: TGridBlock, where: string) => gridRecords(table.id, grid, () => where, format);
  for (const block of table.blocks) {
    if (block.type === 'grid') records.push(...subGrid(block, block.title ?? block.key));
    if (block.type === 'project') {
      for (const inner of block.blocks) if (inner.type === 'grid') records.push(...subGrid(inner, `${block.name}/${inner.title ?? inner.key}`));
    }
  }
  return records;
}

/**
 * The disclosure's tables as CSV, one row per cell: `table,section,code,name,column,value`, values
 * as displayed (万元, one decimal, half up; 表10 in 元), UTF-8 with a byte-order mark, CRLF lines.
 */
export function renderCsv(disclosure: TDisclosure, options: AmountFormat = {}): string {
  const records = [[...CSV_HEADER], ...disclosure.tables.flatMap((t) => tableRecords(t, options))];
  return UTF8_BOM + records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
