import ExcelJS from 'exceljs';

/** An .xlsx of classification lists as an administrator uploads it: one sheet per list, a header row, code and name. */
export async function catalogueWorkbook(sheets: Record<string, { code: string; name: string }[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(['科目编码', '科目名称']);
    for (const r of rows) sheet.addRow([r.code, r.name]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
