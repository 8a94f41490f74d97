/// <reference types="pdfkit" />
import { placeCells, type TDisplayGrid, type TGridCell, type TPlacedCell, type TPlacedGrid } from '../grid/display-grid';
import { FONT_BOLD, FONT_REGULAR } from './cjk-fonts';

export interface TTableStyle {
  fontSize: number;
  padding: number;
  lineWidth: number;
}

export const DEFAULT_TABLE_STYLE: TTableStyle = { fontSize: 8.5, padding: 3, lineWidth: 0.5 };

const NUMERIC = /^[-+]?[\d,]*\.?\d+%?$/;

/** A string's width on one line in a font at the table's size. */
type TMeasure = (font: string, text: string) => number;

/** Widths measured so far in each document, by font, size and string. */
const measured = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

/**
 * Measures through PDFKit once per document and string: the column widths and the cell layouts ask
 * for the same strings, and the same 科目 names and amounts recur from table to table. It may leave
 * the document in another font: whoever draws or measures next sets the font it needs.
 */
function measurer(doc: PDFKit.PDFDocument, fontSize: number): TMeasure {
  let widths = measured.get(doc);
  if (widths === undefined) {
    widths = new Map();
    measured.set(doc, widths);
  }
  const known = widths;
  return (font, text) => {
    const key = `${font}\u0000${fontSize}\u0000${text}`;
    let width = known.get(key);
    if (width === undefined) {
      width = doc.font(font).fontSize(fontSize).widthOfString(text);
      known.set(key, width);
    }
    return width;
  };
}

/**
 * Column widths from content: each column wants its widest unwrapped single-column cell; figures
 * never wrap; what does not fit is taken from the columns with the most text.
 */
function columnWidths(measure: TMeasure, grids: TPlacedGrid[], columns: number, width: number, style: TTableStyle): number[] {
  const pad = 2 * style.padding;
  const minimum = measure(FONT_BOLD, '国国国') + pad;
  const wanted = new Array<number>(columns).fill(minimum);
  const floor = new Array<number>(columns).fill(minimum);
  for (const grid of grids) {
    for (const p of grid.placed) {
      if (p.colSpan !== 1 || !p.cell.text) continue;
      const natural = Math.min(measure(p.cell.bold ? FONT_BOLD : FONT_REGULAR, p.cell.text) + pad + indentWidth(p.cell, style), width * 0.6);
      wanted[p.col] = Math.max(wanted[p.col] ?? 0, natural);
      if (NUMERIC.test(p.cell.text)) floor[p.col] = Math.max(floor[p.col] ?? 0, natural);
    }
  }
  const total = sum(wanted);
  if (total <= width) return wanted.map((w) => (w * width) / total);
  const floors = floor.map((f, i) => Math.min(f, wanted[i] ?? f));
  const spare = width - sum(floors);
  if (spare <= 0) return floors.map((f) => (f * width) / sum(floors));
  const extra = wanted.map((w, i) => w - (floors[i] ?? 0));
  const extraTotal = sum(extra);
  return floors.map((f, i) => f + ((extra[i] ?? 0) * spare) / extraTotal);
}

function indentWidth(cell: TGridCell, style: TTableStyle): number {
  return (cell.indent ?? 0) * style.fontSize;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function spanWidth(widths: number[], p: TPlacedCell): number {
  return sum(widths.slice(p.col, p.col + p.colSpan));
}

/** A cell's text as measured, kept for drawing: its height, and its width when it fits on one line. */
interface TTextLayout {
  height: number;
  /** The text's width when it fits on one line: drawn then without pdfkit's line wrapper. */
  oneLineWidth: number | undefined;
}

type TCellLayouts = Map<TPlacedCell, TTextLayout>;

const cellFont = (p: TPlacedCell, isHeader: boolean): string => (p.cell.bold || isHeader ? FONT_BOLD : FONT_REGULAR);

function textWidthOf(widths: number[], p: TPlacedCell, style: TTableStyle): number {
  return spanWidth(widths, p) - 2 * style.padding - indentWidth(p.cell, style);
}

/**
 * Lays out each cell's text once, in the font it is drawn in: most cells (figures, short names)
 * fit on one line, measured by their width alone; only the others are wrapped, by pdfkit's
 * heightOfString. drawSection reuses the result instead of measuring again.
 */
function layoutCells(doc: PDFKit.PDFDocument, measure: TMeasure, grid: TPlacedGrid, widths: number[], style: TTableStyle, isHeader: boolean): TCellLayouts {
  const layouts: TCellLayouts = new Map();
  for (const p of grid.placed) {
    if (!p.cell.text) continue;
    const font = cellFont(p, isHeader);
    const textWidth = textWidthOf(widths, p, style);
    const natural = p.cell.text.includes('\n') ? Number.POSITIVE_INFINITY : measure(font, p.cell.text);
    doc.font(font).fontSize(style.fontSize);
    layouts.set(
      p,
      natural <= textWidth
        ? { height: doc.currentLineHeight(true), oneLineWidth: natural }
        : { height: doc.heightOfString(p.cell.text, { width: textWidth }), oneLineWidth: undefined },
    );
  }
  return layouts;
}

/** Row heights: every single-row cell fits its row; a spanning cell grows the last row it covers. */
function rowHeights(doc: PDFKit.PDFDocument, grid: TPlacedGrid, layouts: TCellLayouts, style: TTableStyle): number[] {
  const minRow = doc.font(FONT_REGULAR).fontSize(style.fontSize).currentLineHeight(true) + 2 * style.padding;
  const heights = new Array<number>(grid.rows).fill(minRow);
  const needed = (p: TPlacedCell): number => {
    const layout = layouts.get(p);
    return layout === undefined ? 0 : layout.height + 2 * style.padding;
  };
  for (const p of grid.placed) if (p.rowSpan === 1) heights[p.row] = Math.max(heights[p.row] ?? 0, needed(p));
  for (const p of grid.placed) {
    if (p.rowSpan === 1) continue;
    const have = sum(heights.slice(p.row, p.row + p.rowSpan));
    const last = p.row + p.rowSpan - 1;
    const want = needed(p);
    if (want > have) heights[last] = (heights[last] ?? 0) + want - have;
  }
  return heights;
}

/** Rows tied together by a vertical span, kept on one page when they fit on one. */
function blocks(grid: TPlacedGrid): Array<[number, number]> {
  const reach = new Array<number>(grid.rows).fill(0).map((_, r) => r);
  for (const p of grid.placed) reach[p.row] = Math.max(reach[p.row] ?? p.row, p.row + p.rowSpan - 1);
  const result: Array<[number, number]> = [];
  let start = 0;
  while (start < grid.rows) {
    let end = reach[start] ?? start;
    for (let r = start; r <= end; r += 1) end = Math.max(end, reach[r] ?? r);
    result.push([start, end]);
    start = end + 1;
  }
  return result;
}

interface TRowPosition {
  page: number;
  y: number;
}

/**
 * Draws a ruled table at the current position, across as many pages as it needs, with its header
 * rows repeated on each page. Leaves `doc.y` below the table.
 */
export function drawTable(doc: PDFKit.PDFDocument, table: TDisplayGrid, style: TTableStyle = DEFAULT_TABLE_STYLE): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  const header = placeCells(table.header);
  const body = placeCells(table.body);
  const columns = Math.max(header.columns, body.columns);
  const measure = measurer(doc, style.fontSize);
  const widths = columnWidths(measure, [header, body], columns, width, style);
  const xs = widths.map((_, i) => left + sum(widths.slice(0, i)));
  const headerLayouts = layoutCells(doc, measure, header, widths, style, true);
  const bodyLayouts = layoutCells(doc, measure, body, widths, style, false);
  const headerHeights = rowHeights(doc, header, headerLayouts, style);
  const bodyHeights = rowHeights(doc, body, bodyLayouts, style);
  const headerHeight = sum(headerHeights);
  const pageRoom = bottom() - doc.page.margins.top - headerHeight;

  // Lay out first (which page, which y for each body row), then draw page by page.
  const positions: TRowPosition[] = [];
  let page = 0;
  const firstBlockHeight = sum(bodyHeights.slice(0, (blocks(body)[0]?.[1] ?? -1) + 1));
  if (doc.y + headerHeight + Math.min(firstBlockHeight, pageRoom) > bottom()) {
    doc.addPage();
  }
  const startY = doc.y;
  const headerStarts: number[] = [startY];
  let y = startY + headerHeight;
  const breakPage = (): void => {
    page += 1;
    headerStarts.push(doc.page.margins.top);
    y = doc.page.margins.top + headerHeight;
  };
  for (const [first, last] of blocks(body)) {
    const blockHeight = sum(bodyHeights.slice(first, last + 1));
    if (y + blockHeight > bottom() && blockHeight <= pageRoom) breakPage();
    for (let r = first; r <= last; r += 1) {
      const h = bodyHeights[r] ?? 0;
      if (y + h > bottom() && y > (headerStarts[page] ?? 0) + headerHeight) breakPage();
      positions.push({ page, y });
      y += h;
    }
  }

  for (let p = 0; p <= page; p += 1) {
    if (p > 0) doc.addPage();
    const top = headerStarts[p] ?? doc.page.margins.top;
    drawSection(doc, header, { xs, widths, heights: headerHeights, layouts: headerLayouts }, (r) => top + sum(headerHeights.slice(0, r)), () => true, style, true);
    drawSection(doc, body, { xs, widths, heights: bodyHeights, layouts: bodyLayouts }, (r) => positions[r]?.y ?? 0, (r) => positions[r]?.page === p, style, false);
  }
  doc.x = left;
  doc.y = page === 0 && positions.length === 0 ? startY + headerHeight : y;
}

/** Where a section's cells go and how their text was laid out (layoutCells). */
interface TSectionLayout {
  xs: number[];
  widths: number[];
  heights: number[];
  layouts: TCellLayouts;
}

/**
 * Draws the cells of one section that fall on the current page. A cell whose rows continue on the
 * next page is drawn in parts, one rectangle per page, its text in the first part.
 */
function drawSection(
  doc: PDFKit.PDFDocument,
  grid: TPlacedGrid,
  { xs, widths, heights, layouts }: TSectionLayout,
  rowY: (row: number) => number,
  onPage: (row: number) => boolean,
  style: TTableStyle,
  isHeader: boolean,
): void {
  doc.lineWidth(style.lineWidth).strokeColor('black').fillColor('black');
  for (const p of grid.placed) {
    const rows = Array.from({ length: p.rowSpan }, (_, i) => p.row + i).filter(onPage);
    const firstRow = rows[0];
    if (firstRow === undefined) continue;
    const top = rowY(firstRow);
    const height = sum(rows.map((r) => heights[r] ?? 0));
    const x = xs[p.col] ?? 0;
    const w = spanWidth(widths, p);
    doc.rect(x, top, w, height).stroke();
    const layout = layouts.get(p);
    if (firstRow !== p.row || !p.cell.text || layout === undefined) continue;
    const left = x + style.padding + indentWidth(p.cell, style);
    const textWidth = textWidthOf(widths, p, style);
    const align = p.cell.align ?? (isHeader ? 'center' : 'left');
    doc.font(cellFont(p, isHeader)).fontSize(style.fontSize);
    const ty = top + Math.max(style.padding, (height - layout.height) / 2);
    if (layout.oneLineWidth !== undefined) {
      // One line, placed by its measured width: no second pass through the line wrapper.
      const slack = textWidth - layout.oneLineWidth;
      doc.text(p.cell.text, left + (align === 'right' ? slack : align === 'center' ? slack / 2 : 0), ty, { lineBreak: false });
      continue;
    }
    doc.text(p.cell.text, left, ty, {
      width: textWidth,
      align,
      // Bounded so that PDFKit never starts a page of its own from inside a cell.
      height: top + height - ty,
    });
  }
}
