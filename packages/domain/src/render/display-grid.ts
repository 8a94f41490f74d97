import type { TColumn, TDisclosureTable, TGridBlock, TRow, TSection } from '../disclosure/disclosure.schema';
import { formatAmount, type AmountFormat, type DisplayDecimals, type DisplayUnit } from '../money/display';
import { parseFen } from '../money/fen';

/**
 * A table laid out for display, the same for every renderer (HTML, PDF, XLSX, web): header rows
 * with their spans, body rows as display strings. Amounts are rounded here and only here.
 *
 * 尾差: each cell is the exact sum of its lines, rounded on its own (half up). Rounded children
 * therefore need not add up to their rounded parent (417.08 shows as 417.1 while its children may
 * show 5.0 + 114.0 + 275.5 + 22.6 = 417.1 or not); no figure is adjusted to hide that.
 */
export interface DisplayCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  kind: 'header' | 'section' | 'code' | 'name' | 'amount' | 'percent' | 'text';
  /** hierarchy depth of a name cell (类 0, 款 1, 项 2, unit 3), for indentation */
  indent: number;
}

export interface DisplayRow {
  key: string;
  emphasis: boolean;
  /** cells of this row; a cell covered by a rowSpan from above is left out, as in HTML */
  cells: DisplayCell[];
}

export interface DisplayGrid {
  columnCount: number;
  header: DisplayCell[][];
  body: DisplayRow[];
  emptyStatement?: string;
}

export type DisplayOptions = AmountFormat;

type Grid = Pick<TDisclosureTable, 'rowHeader' | 'columns' | 'rows'> &
  Partial<Pick<TDisclosureTable, 'layout' | 'sections' | 'emptyStatement' | 'unit' | 'decimals'>>;

const cell = (text: string, kind: DisplayCell['kind'], colSpan = 1, rowSpan = 1, indent = 0): DisplayCell => ({ text, kind, colSpan, rowSpan, indent });

/** The display of one value of a column: amounts in the chosen unit, half up; blank for null. */
export function displayValue(value: string | null | undefined, column: Pick<TColumn, 'type'>, format: AmountFormat): string {
  if (value === null || value === undefined) return '';
  return column.type === 'amount' ? formatAmount(parseFen(value), format) : value;
}

/** The display unit a table's label names: 元 or 万元. Sub-tables take their table's. */
export function displayUnitOf(table: Pick<TDisclosureTable, 'unit'>): DisplayUnit {
  return table.unit === '元' ? 'yuan' : 'wan';
}

/**
 * A table shows the decimals its template prints (万元 to 1 or 2, 元 with 分 or whole), unless the
 * caller asks otherwise; without a template's word, 万元 one decimal and 元 two.
 */
export function formatFor(grid: { unit?: string; decimals?: number }, options: DisplayOptions = {}): AmountFormat {
  const own = grid.unit === undefined ? 'wan' : displayUnitOf({ unit: grid.unit });
  const unit = options.unit ?? own;
  // The print's decimals hold in the table's own unit; in another unit the caller's or the default.
  const decimals = options.decimals ?? (unit === own ? printedDecimals(grid.decimals) : undefined);
  return decimals === undefined ? { unit } : { unit, decimals };
}

function printedDecimals(decimals: number | undefined): DisplayDecimals | undefined {
  return decimals === 0 || decimals === 1 || decimals === 2 ? decimals : undefined;
}

function valueCells(row: TRow, columns: readonly TColumn[], format: AmountFormat): DisplayCell[] {
  return columns.map((c) => cell(displayValue(row.cells[c.key], c, format), c.type === 'text' ? 'text' : c.type));
}

/** Header cells for the data columns: merged group cells on the first row when any column has a group. */
function columnHeaders(columns: readonly TColumn[], twoRows: boolean): [DisplayCell[], DisplayCell[]] {
  if (!twoRows) return [columns.map((c) => cell(c.label, 'header')), []];
  const top: DisplayCell[] = [];
  const bottom: DisplayCell[] = [];
  columns.forEach((c, i) => {
    if (c.group === undefined) {
      top.push(cell(c.label, 'header', 1, 2));
      return;
    }
    bottom.push(cell(c.label, 'header'));
    const previous = columns[i - 1];
    const last = top.at(-1);
    if (previous?.group === c.group && last !== undefined) last.colSpan += 1;
    else top.push(cell(c.group, 'header'));
  });
  return [top, bottom];
}

function rowsLayout(grid: Grid, format: AmountFormat): DisplayGrid {
  const sections = grid.sections ?? [];
  const hasSections = sections.length > 0;
  const hasCode = grid.rowHeader.codeLabel !== undefined;
  const twoRows = grid.columns.some((c) => c.group !== undefined) || grid.rowHeader.group !== undefined;
  const [top, bottom] = columnHeaders(grid.columns, twoRows);
  const lead: DisplayCell[] = [];
  const leadBottom: DisplayCell[] = [];
  const labels = [...(hasCode ? [grid.rowHeader.codeLabel ?? ''] : []), grid.rowHeader.nameLabel];
  if (hasSections) lead.push(cell('', 'header', 1, twoRows ? 2 : 1));
  if (grid.rowHeader.group !== undefined) {
    lead.push(cell(grid.rowHeader.group, 'header', labels.length));
    leadBottom.push(...labels.map((l) => cell(l, 'header')));
  } else {
    lead.push(...labels.map((l) => cell(l, 'header', 1, twoRows ? 2 : 1)));
  }
  const header = twoRows ? [[...lead, ...top], [...leadBottom, ...bottom]] : [[...lead, ...top]];

  const body: DisplayRow[] = grid.rows.map((row, i) => {
    const cells: DisplayCell[] = [];
    if (hasSections && grid.rows[i - 1]?.section !== row.section) {
      let span = 1;
      while (grid.rows[i + span]?.section === row.section) span += 1;
      cells.push(cell(sections.find((s) => s.key === row.section)?.label ?? '', 'section', 1, span));
    }
    if (hasCode) cells.push(cell(row.code ?? '', 'code'));
    cells.push(cell(row.name, 'name', 1, 1, row.level), ...valueCells(row, grid.columns, format));
    return { key: row.key, emphasis: row.emphasis === 'total', cells };
  });
  const columnCount = (hasSections ? 1 : 0) + labels.length + grid.columns.length;
  return { columnCount, header, body };
}

/**
 * Sections next to each other (表1, 表4). Item rows fill from the top; footer rows line up at the
 * bottom, the last footer row (总计) of every section on the same line.
 */
function sideBySideLayout(grid: Grid, format: AmountFormat): DisplayGrid {
  const sections = grid.sections ?? [];
  // A section prints its own columns where the sides differ (Shanghai's 单位 summary), else all.
  const columnsOf = (s: TSection) => (s.columns === undefined ? grid.columns : grid.columns.filter((c) => s.columns?.includes(c.key)));
  const parts = sections.map((s) => {
    const rows = grid.rows.filter((r) => r.section === s.key);
    const columns = columnsOf(s);
    return { columns, width: 1 + columns.length, items: rows.filter((r) => r.footer !== true), footers: rows.filter((r) => r.footer === true) };
  });
  const itemCount = Math.max(0, ...parts.map((p) => p.items.length));
  const footerCount = Math.max(0, ...parts.map((p) => p.footers.length));
  const laidOut = parts.map((p) => {
    const items = [...p.items, ...Array<undefined>(itemCount - p.items.length).fill(undefined)];
    const gap = Array<undefined>(footerCount - p.footers.length).fill(undefined);
    const footers = p.footers.length === 0 ? gap : [...p.footers.slice(0, -1), ...gap, p.footers.at(-1)];
    return [...items, ...footers];
  });
  const blank = (width: number): DisplayCell[] => Array.from({ length: width }, () => cell('', 'text'));
  const body: DisplayRow[] = [];
  for (let i = 0; i < itemCount + footerCount; i++) {
    const rows = laidOut.map((l) => l[i]);
    const cells = rows.flatMap((row, p) => {
      const part = parts[p];
      if (part === undefined) return [];
      return row === undefined ? blank(part.width) : [cell(row.name, 'name', 1, 1, row.level), ...valueCells(row, part.columns, format)];
    });
    body.push({
      key: rows.map((r) => r?.key ?? '').join('|'),
      emphasis: rows.some((r) => r?.emphasis === 'total'),
      cells,
    });
  }
  const header = [
    sections.map((s, p) => cell(s.label, 'header', parts[p]?.width ?? 1)),
    sections.flatMap((s, p) => [cell(s.nameLabel ?? grid.rowHeader.nameLabel, 'header'), ...(parts[p]?.columns ?? []).map((c) => cell(c.label, 'header'))]),
  ];
  return { columnCount: parts.reduce((n, p) => n + p.width, 0), header, body };
}

/** The display grid of a table or of a sub-table (表10's grids: pass `unit: 'yuan'` or the table's unit). */
export function toDisplayGrid(grid: Grid | TGridBlock, options: DisplayOptions = {}): DisplayGrid {
  const format = formatFor('unit' in grid ? grid : {}, options);
  const laidOut = 'layout' in grid && grid.layout === 'side-by-side' ? sideBySideLayout(grid, format) : rowsLayout(grid, format);
  const empty = 'emptyStatement' in grid ? grid.emptyStatement : undefined;
  return empty === undefined ? laidOut : { ...laidOut, emptyStatement: empty };
}
