import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseFen } from '@budgetflow/domain';
import { tidyRecords } from '../../src/modules/reports/open-data/tidy-csv';
import { sha256Hex } from '../../src/modules/reports/rendered-file';
import { WAN_NUMBER_FORMAT, renderDisclosureXlsx, sheetName } from '../../src/modules/reports/xlsx/disclosure-xlsx.renderer';
import { sheetNumberToFen } from '../../src/modules/reports/xlsx/sheet-values';
import { REVISION_DATE, seedDisclosure } from './seed-disclosure';

const disclosure = seedDisclosure();
const workbook = new ExcelJS.Workbook();
let bytes: Buffer;

beforeAll(async () => {
  bytes = await renderDisclosureXlsx(disclosure, { createdAt: REVISION_DATE });
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
});

/** Every non-empty cell of a sheet, by address (merged slaves report their master's value once). */
function cellsOf(sheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => (cell.isMerged && cell.master !== cell ? undefined : cells.push(cell))));
  return cells;
}

describe('the disclosure workbook', () => {
  it('has ten sheets, one per table, named after it', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(disclosure.tables.map((t, i) => sheetName(t, i + 1)));
    expect(workbook.worksheets).toHaveLength(10);
  });

  it("holds in each sheet exactly the model's amounts, exact in 元, shown in the table's unit", () => {
    disclosure.tables.forEach((table, i) => {
      const sheet = workbook.worksheets[i] as ExcelJS.Worksheet;
      const numbers = cellsOf(sheet).filter((c) => typeof c.value === 'number');
      const expected = tidyRecords(table)
        .filter((r) => r.column.type === 'amount')
        .map((r) => parseFen(r.value));
      expect(numbers.map((c) => sheetNumberToFen(c.value)).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      for (const cell of numbers) expect(cell.numFmt).toBe(table.unit === '元' ? '0.00' : WAN_NUMBER_FORMAT);
    });
  });

  it('has the row names and texts of the model in its cells', () => {
    disclosure.tables.forEach((table, i) => {
      const texts = new Set(cellsOf(workbook.worksheets[i] as ExcelJS.Worksheet).map((c) => String(c.value)));
      for (const row of table.rows) expect(texts).toContain(row.name);
      if (table.rows.length === 0 && table.emptyStatement) expect(texts).toContain(table.emptyStatement);
    });
  });

  it('merges the headers as printed and freezes them', () => {
    const t3 = workbook.worksheets[2] as ExcelJS.Worksheet;
    // 表3: 单位编码 and 单位名称 span both header rows; 其中： spans the five columns beside 合计.
    const merges = (t3.model as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A3:A4', 'B3:B4', 'C3:C4', 'D3:H3']));
    expect(t3.getCell('D3').value).toBe('其中：');
    expect(t3.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('is the same file, byte for byte, every time the same revision is rendered', async () => {
    const again = await renderDisclosureXlsx(disclosure, { createdAt: REVISION_DATE });
    expect(sha256Hex(again)).toBe(sha256Hex(bytes));
    const later = await renderDisclosureXlsx(disclosure, { createdAt: new Date('2021-01-01T00:00:00Z') });
    expect(sha256Hex(later)).not.toBe(sha256Hex(bytes));
  });

  it("carries the revision's date, not the time of rendering, in its properties and on every zip entry", async () => {
    expect([workbook.created, workbook.modified]).toEqual([REVISION_DATE, REVISION_DATE]);
    const entries = Object.values((await JSZip.loadAsync(bytes)).files);
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) expect(entry.date).toEqual(REVISION_DATE);
  });
});
