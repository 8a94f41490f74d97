import ExcelJS from 'exceljs';
import { ZBudgetDocument, formatYuan, neutraliseFormula, restoreFormula, type TBudgetDocument } from '@budgetflow/domain';
import { sheetNumberToFen, yuanToSheetNumber } from './sheet-values';

/**
 * The import template: a budget's lines as two sheets a preparer can edit in any spreadsheet
 * program and import again. Codes stay text (019001 keeps its zero), amounts are numbers in 元 with
 * two decimals, and text that a spreadsheet would run as a formula is neutralised on the way out.
 */
const INCOME_SHEET = '收入';
const EXPENDITURE_SHEET = '支出';

interface TField {
  key: string;
  label: string;
  kind: 'text' | 'amount';
  optional?: boolean;
}

const INCOME_FIELDS: TField[] = [
  { key: 'id', label: '行号 id', kind: 'text' },
  { key: 'source', label: '资金来源 source', kind: 'text' },
  { key: 'amount', label: '金额（元） amount', kind: 'amount' },
];

const EXPENDITURE_FIELDS: TField[] = [
  { key: 'id', label: '行号 id', kind: 'text' },
  { key: 'unitCode', label: '单位编码 unitCode', kind: 'text' },
  { key: 'functionCode', label: '功能科目 functionCode', kind: 'text' },
  { key: 'economicCode', label: '经济科目 economicCode', kind: 'text' },
  { key: 'kind', label: '支出类型 kind', kind: 'text' },
  { key: 'projectId', label: '项目 projectId', kind: 'text', optional: true },
  { key: 'fundSource', label: '资金来源 fundSource', kind: 'text' },
  { key: 'amount', label: '金额（元） amount', kind: 'amount' },
  { key: 'note', label: '备注 note', kind: 'text', optional: true },
];

export async function exportBudgetTemplate(doc: TBudgetDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Budgetflow';
  writeSheet(workbook, INCOME_SHEET, INCOME_FIELDS, doc.incomeLines);
  writeSheet(workbook, EXPENDITURE_SHEET, EXPENDITURE_FIELDS, doc.expenditureLines);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSheet(workbook: ExcelJS.Workbook, name: string, fields: TField[], lines: readonly object[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = fields.map((f) => ({ header: f.label, key: f.key, width: f.kind === 'amount' ? 16 : 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const line of lines) {
    const values = line as Record<string, string | undefined>;
    const row = sheet.addRow({});
    fields.forEach((field, i) => {
      const cell = row.getCell(i + 1);
      const value = values[field.key];
      if (value === undefined) return;
      if (field.kind === 'amount') {
        cell.value = yuanToSheetNumber(value);
        cell.numFmt = '0.00';
      } else {
        cell.value = neutraliseFormula(value);
        cell.numFmt = '@';
      }
    });
  }
}

/** Where an imported workbook is wrong, so the preparer can find the cell. */
export interface TTemplateProblem {
  sheet: string;
  row: number;
  field: string;
  message: string;
}

export type TTemplateImport = { ok: true; document: TBudgetDocument } | { ok: false; problems: TTemplateProblem[] };

/**
 * Reads an edited template back: its lines replace those of `base` (the budget it was exported
 * from), the rest of the document is kept. Every problem is reported with its sheet, row and field;
 * nothing is imported unless the whole document is valid.
 */
export async function importBudgetTemplate(base: TBudgetDocument, bytes: Buffer): Promise<TTemplateImport> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const problems: TTemplateProblem[] = [];
  const incomeLines = readSheet(workbook, INCOME_SHEET, INCOME_FIELDS, problems);
  const expenditureLines = readSheet(workbook, EXPENDITURE_SHEET, EXPENDITURE_FIELDS, problems);
  if (problems.length > 0) return { ok: false, problems };
  const parsed = ZBudgetDocument.safeParse({ ...base, incomeLines: incomeLines.map((l) => l.values), expenditureLines: expenditureLines.map((l) => l.values) });
  if (parsed.success) return { ok: true, document: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const [collection, index, field] = issue.path;
      const lines = collection === 'incomeLines' ? incomeLines : expenditureLines;
      const sheet = collection === 'incomeLines' ? INCOME_SHEET : collection === 'expenditureLines' ? EXPENDITURE_SHEET : '(document)';
      return { sheet, row: typeof index === 'number' ? (lines[index]?.row ?? 0) : 0, field: String(field ?? collection ?? ''), message: issue.message };
    }),
  };
}

interface TReadLine {
  row: number;
  values: Record<string, string>;
}

function readSheet(workbook: ExcelJS.Workbook, name: string, fields: TField[], problems: TTemplateProblem[]): TReadLine[] {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) {
    problems.push({ sheet: name, row: 0, field: '', message: `the workbook has no sheet "${name}"` });
    return [];
  }
  const lines: TReadLine[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    fields.forEach((field, i) => {
      const value = row.getCell(i + 1).value;
      const problem = (message: string): void => void problems.push({ sheet: name, row: rowNumber, field: field.key, message });
      if (value === null || value === undefined || value === '') {
        if (!field.optional) problem('this cell is empty');
      } else if (typeof value === 'object') {
        problem('formulas, links and rich text are not accepted: type the value itself');
      } else if (field.kind === 'amount') {
        try {
          values[field.key] = formatYuan(sheetNumberToFen(value));
        } catch (error) {
          problem(error instanceof Error ? error.message : String(error));
        }
      } else {
        values[field.key] = restoreFormula(String(value).trim());
      }
    });
    lines.push({ row: rowNumber, values });
  });
  return lines;
}
