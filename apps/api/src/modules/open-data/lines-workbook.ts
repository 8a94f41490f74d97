import type { Writable } from 'node:stream';
import { LINE_FIELDS, type TOpenDataLine } from '@budgetflow/domain';
import ExcelJS from 'exceljs';
import { setAmountCell, setTextCell } from '../reports/xlsx/sheet-values';

export const LINES_SHEET = '支出明细';
const WIDTHS: Partial<Record<(typeof LINE_FIELDS)[number]['key'], number>> = { functionName: 28, economicName: 24, departmentName: 28, unitName: 28, projectName: 32, amount: 18 };

/**
 * The line-level dataset as a workbook, for the reader who double-clicks it: a CSV opened in Excel
 * loses the leading zero of 019001 and shows 2010350 as a number, while here every code is a text
 * cell, every amount a number in 元 (#,##0.00) and the header stays in view. Written by exceljs's
 * streaming writer straight to `out`, one batch of lines at a time, so a district's year of lines
 * is never held whole.
 */
export async function writeLinesWorkbook(out: Writable, batches: AsyncIterable<readonly TOpenDataLine[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Budgetflow';
  const sheet = workbook.addWorksheet(LINES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LINE_FIELDS.map((f) => ({ header: f.header, key: f.key, width: WIDTHS[f.key] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  for await (const lines of batches) {
    // A reader gone away: nothing more to write for them.
    if (out.destroyed) return;
    for (const line of lines) {
      const row = sheet.addRow({});
      LINE_FIELDS.forEach((field, i) => {
        const cell = row.getCell(i + 1);
        if (field.type === 'number') setAmountCell(cell, String(line[field.key]));
        else if (field.type === 'integer') cell.value = Number(line[field.key]);
        else setTextCell(cell, String(line[field.key]));
      });
      row.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}
