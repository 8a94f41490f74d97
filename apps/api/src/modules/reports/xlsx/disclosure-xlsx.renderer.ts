import ExcelJS from 'exceljs';
import {
  CORRECTION_STATEMENT_TITLE,
  correctionStatementText,
  disclosureKind,
  neutraliseFormula,
  tableHeading,
  type TBlock,
  type TCorrectionStatement,
  type TDisclosure,
  type TDisclosureTable,
  type TLeafBlock,
} from '@budgetflow/domain';
import { placeCells, type TDisplayGrid, type TGridCell } from '../grid/display-grid';
import { factsGrid, indicatorsGrid } from '../grid/form-grids';
import { sharedGrid } from '../grid/shared-grid';
import { displayAmount } from '../grid/display-amount';
import { yuanToSheetNumber } from './sheet-values';
import { withEntriesDated } from './stable-zip';

/**
 * Shows a value in 元 as 万元 with one decimal, as the printed tables do, while the cell keeps the
 * exact amount: "," divides by 1,000 and the literal "." (`!.`) before the last digit makes it 10,000.
 */
export const WAN_NUMBER_FORMAT = '0!.0,';
export const YUAN_NUMBER_FORMAT = '0.00';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface TXlsxOptions {
  /** When the revision was frozen: the workbook's dates and its zip entries' dates, so that one revision gives one file. */
  createdAt: Date;
  /** For a corrected version (更正): its 更正说明, on a first sheet of its own. */
  correction?: TCorrectionStatement | undefined;
}

/**
 * The ten tables as a workbook: one sheet per table as printed (title, unit, merged header rows
 * frozen at the top, amounts as numbers in 元 displayed in 万元), then its forms (表9, 表10).
 */
export async function renderDisclosureXlsx(disclosure: TDisclosure, options: TXlsxOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Budgetflow';
  workbook.lastModifiedBy = 'Budgetflow';
  workbook.created = options.createdAt;
  workbook.modified = options.createdAt;
  workbook.title = `${disclosure.meta.departmentName}${disclosure.meta.fiscalYear}年${disclosureKind(disclosure.meta)}`;
  if (options.correction !== undefined) writeCorrectionSheet(workbook, options.correction);
  disclosure.tables.forEach((table, i) => writeSheet(workbook, disclosure, table, i + 1));
  return withEntriesDated(Buffer.from(await workbook.xlsx.writeBuffer()), options.createdAt);
}

/**
 * 更正说明 as the first sheet, the one a workbook opens on: a sheet of its own rather than a row
 * above each table, so that every table's sheet stays as its template prints it.
 */
function writeCorrectionSheet(workbook: ExcelJS.Workbook, correction: TCorrectionStatement): void {
  const sheet = workbook.addWorksheet(CORRECTION_STATEMENT_TITLE);
  sheet.getColumn(1).width = 100;
  const title = sheet.getCell(1, 1);
  title.value = CORRECTION_STATEMENT_TITLE;
  title.font = { bold: true, size: 14 };
  const text = sheet.getCell(2, 1);
  // The reason is the department's own words: neutralised like every text cell.
  text.value = neutraliseFormula(correctionStatementText(correction));
  text.alignment = { wrapText: true, vertical: 'top' };
}

/** 表1 收支预算总表: the sheet name, within Excel's 31 characters and without []:*?/\ . */
export function sheetName(table: TDisclosureTable, position: number): string {
  return `表${position} ${table.title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

function writeSheet(workbook: ExcelJS.Workbook, disclosure: TDisclosure, table: TDisclosureTable, position: number): void {
  const main = sharedGrid(table, table.unit);
  const width = Math.max(placeCells(main.header).columns, placeCells(main.body).columns, 4);
  const sheet = workbook.addWorksheet(sheetName(table, position));
  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  // Every text cell goes through the neutraliser: the heading carries the department's own name.
  title.value = neutraliseFormula(tableHeading(disclosure, table));
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).value = neutraliseFormula(table.number);
  const unit = sheet.getCell(2, width);
  unit.value = neutraliseFormula(`单位：${table.unit}`);
  unit.alignment = { horizontal: 'right' };
  let row = 3;
  for (const block of table.preamble) row = writeBlock(sheet, block, row, table.unit);
  if (table.columns.length > 0 || table.rows.length > 0) {
    const headerStart = row;
    row = writeGrid(sheet, main, row, table.unit);
    // Freeze the title and header rows so that they stay in view while scrolling the figures.
    if (table.preamble.length === 0) sheet.views = [{ state: 'frozen', ySplit: headerStart - 1 + main.header.length }];
  }
  if (table.rows.length === 0 && table.emptyStatement) {
    sheet.getCell(row, 1).value = neutraliseFormula(table.emptyStatement);
    row += 1;
  }
  for (const block of table.blocks) row = writeBlock(sheet, block, row, table.unit);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 && table.rowHeader.codeLabel !== undefined ? 12 : i < 2 ? 32 : 14;
  });
}

function writeBlock(sheet: ExcelJS.Worksheet, block: TBlock, row: number, unit: string): number {
  if (block.type !== 'project') return writeLeaf(sheet, block, row, unit);
  let next = writeTitle(sheet, `项目名称：${block.name}；项目单位：${block.unitName}；项目当年预算：${displayAmount(block.amount, { unit })}${unit}`, row);
  for (const leaf of block.blocks) next = writeLeaf(sheet, leaf, next, unit);
  return next;
}

function writeLeaf(sheet: ExcelJS.Worksheet, block: TLeafBlock, row: number, unit: string): number {
  switch (block.type) {
    case 'grid':
      return writeGrid(sheet, sharedGrid(block, unit), writeTitle(sheet, block.title, row), unit);
    case 'facts':
      return writeGrid(sheet, factsGrid(block), writeTitle(sheet, block.title, row), unit);
    case 'text':
      return writeGrid(sheet, { header: [], body: [[{ text: block.label, bold: true }, { text: block.text }]] }, row, unit);
    case 'indicators':
      return writeGrid(sheet, indicatorsGrid(block), writeTitle(sheet, block.title, row), unit);
  }
}

function writeTitle(sheet: ExcelJS.Worksheet, title: string | undefined, row: number): number {
  if (!title) return row;
  const cell = sheet.getCell(row, 1);
  cell.value = neutraliseFormula(title);
  cell.font = { bold: true };
  return row + 1;
}

/** Writes a grid from `row` on, merging spans as printed; returns the first row below it. */
function writeGrid(sheet: ExcelJS.Worksheet, grid: TDisplayGrid, row: number, unit: string): number {
  const header = placeCells(grid.header);
  const body = placeCells(grid.body);
  for (const [section, offset, isHeader] of [
    [header, row, true],
    [body, row + header.rows, false],
  ] as const) {
    for (const p of section.placed) {
      const top = offset + p.row;
      const left = 1 + p.col;
      if (p.rowSpan > 1 || p.colSpan > 1) sheet.mergeCells(top, left, top + p.rowSpan - 1, left + p.colSpan - 1);
      writeCell(sheet.getCell(top, left), p.cell, isHeader, unit);
      for (let r = 0; r < p.rowSpan; r += 1) for (let c = 0; c < p.colSpan; c += 1) sheet.getCell(top + r, left + c).border = BORDER;
    }
  }
  return row + header.rows + body.rows + 1;
}

function writeCell(cell: ExcelJS.Cell, source: TGridCell, isHeader: boolean, unit: string): void {
  if (source.kind === 'amount' && source.yuan !== undefined) {
    cell.value = yuanToSheetNumber(source.yuan);
    cell.numFmt = unit === '元' ? YUAN_NUMBER_FORMAT : WAN_NUMBER_FORMAT;
  } else {
    cell.value = neutraliseFormula(source.text);
  }
  cell.font = { bold: isHeader || source.bold === true };
  cell.alignment = {
    horizontal: source.align ?? (isHeader ? 'center' : 'left'),
    vertical: 'middle',
    wrapText: true,
    indent: source.indent ?? 0,
  };
}
