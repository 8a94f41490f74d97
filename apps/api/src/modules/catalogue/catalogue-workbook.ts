import ExcelJS from 'exceljs';
import { AppError } from '../../common/errors/app-error';

/** The sheet names a workbook may give each list: ours, and the official tables' titles. */
const SHEET_NAMES: Readonly<Record<string, readonly string[]>> = {
  functional: ['functional', '支出功能分类', '功能分类'],
  economic: ['economic', '部门预算支出经济分类', '部门经济分类', '经济分类'],
  governmentEconomic: ['government-economic', '政府预算支出经济分类', '政府经济分类'],
  economicMapping: ['economic-mapping', '两套经济分类对照表', '对照表'],
};

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A sheet as CSV text, one line per sheet row, so that a problem's "line 7" is the sheet's row 7. */
function sheetCsv(sheet: ExcelJS.Worksheet): string {
  const lines: string[] = [];
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(quote(row.getCell(i).text.replace(/[\r\n]+/g, ' ').trim()));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The lists of a workbook laid out as the official catalogue is: one sheet per list, named as
 * SHEET_NAMES says, its first row the header. What is not there is left out, for the upload's own
 * validation to name.
 */
export async function listsFromWorkbook(bytes: Buffer): Promise<Record<string, string>> {
  const workbook = await loadWorkbook(bytes);
  const lists: Record<string, string> = {};
  for (const [list, names] of Object.entries(SHEET_NAMES)) {
    const sheet = workbook.worksheets.find((s) => names.includes(s.name.trim()));
    if (sheet !== undefined) lists[list] = sheetCsv(sheet);
  }
  return lists;
}

/** The first sheet of a workbook as CSV (a sheet of one table, such as the ceilings of many departments). */
export async function firstSheetCsv(bytes: Buffer): Promise<string> {
  const sheet = (await loadWorkbook(bytes)).worksheets[0];
  return sheet === undefined ? '' : sheetCsv(sheet);
}

/** A file that is no .xlsx is the sender's fault (400), not the server's. */
async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The workbook could not be read', [{ path: 'workbook', message: 'not a readable .xlsx workbook' }]);
  }
  return workbook;
}
