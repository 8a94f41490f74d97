/**
 * Text that a spreadsheet program would read as a formula when it opens a CSV file or a person
 * edits the cell: = + - @, their full-width forms ＝ ＋ － ＠ (an IME types them and some programs
 * fold them to ASCII), and a leading tab or carriage return, which programs skip before looking
 * for the formula sign (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain decimal number ("-12.5") is a figure, not a formula: it stays a number for the reader. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** True when `text` would start a formula in a spreadsheet cell. */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * The one neutraliser of every spreadsheet cell and CSV field Budgetflow writes: text that would
 * start a formula gets a leading apostrophe, the conventional mark of literal text.
 */
export function neutraliseFormula(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula`, for a workbook Budgetflow wrote and a person edited. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && startsFormula(text.slice(1)) ? text.slice(1) : text;
}
