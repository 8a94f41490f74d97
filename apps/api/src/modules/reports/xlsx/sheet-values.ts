import { formatYuan, neutraliseFormula, parseFen, type Fen } from '@budgetflow/domain';
import type ExcelJS from 'exceljs';

/**
 * A spreadsheet stores every number as a binary double, so an amount must become one to be summed
 * there. Every amount of a budget (at most MAX_LINE_YUAN, 10^13 元, in whole 分) has at most 15
 * significant digits, and a double keeps any decimal of 15 digits: the stored number's shortest
 * form is the amount itself, read back exactly through `sheetNumberToFen` (sheet-values.spec) and
 * shown by Excel, which prints 15 digits, as it was.
 */
export function yuanToSheetNumber(yuan: string): number {
  return Number(formatYuan(parseFen(yuan)));
}

/** The amount a sheet cell holds, exact in 分; refuses what is not a plain amount of 元. */
export function sheetNumberToFen(value: unknown): Fen {
  return parseFen(typeof value === 'number' ? value : String(value ?? '').trim());
}

/**
 * One style object for every cell of a kind: exceljs's writer knows a style object it has seen by
 * identity, where each cell's own copy would be serialised and looked up anew (a third of the time
 * of a 100,000-line workbook). Frozen, so a cell's style is never changed through another's.
 */
const AMOUNT_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: '#,##0.00' });
const TEXT_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: '@' });

/** An amount in 元 as a number a spreadsheet sums, shown with separators and two decimals. */
export function setAmountCell(cell: ExcelJS.Cell, yuan: string): void {
  cell.value = yuanToSheetNumber(yuan);
  cell.style = AMOUNT_STYLE;
}

/** Text that stays text: typed as text (019001 keeps its zero, 2010350 is no number) and never run as a formula. */
export function setTextCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = neutraliseFormula(text);
  cell.style = TEXT_STYLE;
}

/** A count (人数, 年度) as a number, which a spreadsheet sums. */
export function setCountCell(cell: ExcelJS.Cell, digits: string): void {
  cell.value = Number(digits);
}
