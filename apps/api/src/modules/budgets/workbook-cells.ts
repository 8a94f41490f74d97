import type { TBudgetDocument } from '@budgetflow/domain';
import ExcelJS from 'exceljs';
import type { TFieldError } from '../../common/errors/app-error';
import { READ_OPTIONS, type TTemplateProblem } from '../reports/xlsx/budget-template';

/** The template's sheets (see budget-template.ts); a line's id is in the first column of each. */
const SHEET_OF = { incomeLines: '收入', expenditureLines: '支出' } as const;
const LINE_PATH = /^(incomeLines|expenditureLines)\.(\d+)\.(\w+)$/;

/**
 * `支出.5.amount`: the sheet, the row as the spreadsheet numbers it, the field (its column's key),
 * a stable path for programs; the message names the same cell as the preparer reads it.
 */
export function cellError(problem: TTemplateProblem): TFieldError {
  if (problem.field === 'workbook') return { path: 'workbook', message: problem.message };
  const column = problem.column ?? COLUMN_OF[problem.field] ?? problem.field;
  const place = problem.row > 0 ? `「${problem.sheet}」表第 ${problem.row} 行「${column}」列` : `「${problem.sheet}」表`;
  return { path: `${problem.sheet}.${problem.row}.${problem.field}`, message: `${place}：${problem.message}` };
}

/** The headings of the fields the service names (see placeInWorkbook), as the template prints them. */
const COLUMN_OF: Readonly<Record<string, string>> = {
  id: '行号',
  unitCode: '单位',
  functionCode: '功能科目',
  economicCode: '经济科目',
  kind: '支出类型',
  projectId: '项目',
  fundSource: '资金来源',
  source: '资金来源',
  amount: '金额（元）',
  note: '备注',
};

/**
 * The service checks an imported document against the catalogue and the department and names a
 * line by its index (`expenditureLines.3.functionCode`); someone with the workbook open looks for
 * a cell. Each such path becomes sheet.row.field, the row found by the line's id; other paths stay.
 */
export async function placeInWorkbook(bytes: Buffer, document: TBudgetDocument, errors: readonly TFieldError[]): Promise<TFieldError[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer, READ_OPTIONS);
  return errors.map((error) => {
    const [, collection, index, field] = LINE_PATH.exec(error.path) ?? [];
    if (collection !== 'incomeLines' && collection !== 'expenditureLines') return error;
    const sheet = SHEET_OF[collection];
    const id = document[collection][Number(index)]?.id;
    const row = id === undefined ? undefined : rowOfLine(workbook.getWorksheet(sheet), id);
    return row === undefined ? error : cellError({ sheet, row, field: field ?? '', message: error.message });
  });
}

function rowOfLine(sheet: ExcelJS.Worksheet | undefined, id: string): number | undefined {
  let found: number | undefined;
  sheet?.eachRow((row, rowNumber) => {
    if (found === undefined && rowNumber > 1 && String(row.getCell(1).value ?? '').trim() === id) found = rowNumber;
  });
  return found;
}
