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

/** An amount in 元 as a number a spreadsheet sums, shown with separators and two decimals. */
export function setAmountCell(cell: ExcelJS.Cell, yuan: string): void {
  cell.value = yuanToSheetNumber(yuan);
  cell.numFmt = '#,##0.00';
}

/** Text that stays text: typed as text (019001 keeps its zero, 2010350 is no number) and never run as a formula. */
export function setTextCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = neutraliseFormula(text);
  cell.numFmt = '@';
}
