import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ZBudgetDocument, type TBudgetDocument } from '@budgetflow/domain';
import { exportBudgetTemplate, importBudgetTemplate } from '../../src/modules/reports/xlsx/budget-template';

const seed: TBudgetDocument = ZBudgetDocument.parse(
  JSON.parse(readFileSync(join(__dirname, '../../../../packages/domain/fixtures/qiaokou-bigdata-2020.json'), 'utf8')),
);

async function edit(bytes: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  change(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the import template', () => {
  it('gives back the same document when nothing was edited', async () => {
    const result = await importBudgetTemplate(seed, await exportBudgetTemplate(seed));
    expect(result).toEqual({ ok: true, document: seed });
  });

  it('export → edit in a spreadsheet → import gives the edited document', async () => {
    const first = seed.expenditureLines[0];
    if (!first) throw new Error('the seed has lines');
    const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.getCell('H2').value = 384123.45; // the first line's amount
      sheet.getCell('I2').value = '=HYPERLINK("http://evil")'; // typed as text, as a spreadsheet keeps a quoted entry
      sheet.addRow(['new-1', '019001', '2010350', '30201', 'basic-public', null, 'general-budget-appropriation', 1000, null]);
    });
    const result = await importBudgetTemplate(seed, edited);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.document.expenditureLines[0]).toEqual({ ...first, amount: '384123.45', note: '=HYPERLINK("http://evil")' });
    expect(result.document.expenditureLines.at(-1)).toEqual({
      id: 'new-1',
      unitCode: '019001',
      functionCode: '2010350',
      economicCode: '30201',
      kind: 'basic-public',
      fundSource: 'general-budget-appropriation',
      amount: '1000.00',
    });
    expect(result.document.expenditureLines).toHaveLength(seed.expenditureLines.length + 1);
    expect(result.document.projects).toEqual(seed.projects);
  });

  it('writes text that begins with = + - @ as literal text', async () => {
    const doc = { ...seed, expenditureLines: seed.expenditureLines.map((l, i) => (i === 0 ? { ...l, note: '@SUM(A1:A9)' } : l)) };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportBudgetTemplate(doc)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('支出')?.getCell('I2').value).toBe("'@SUM(A1:A9)");
    const back = await importBudgetTemplate(seed, await exportBudgetTemplate(doc));
    expect(back.ok && back.document.expenditureLines[0]?.note).toBe('@SUM(A1:A9)');
  });

  it('refuses bad cells, naming the sheet, row and field, and imports nothing', async () => {
    const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.getCell('H3').value = 12.345;
      sheet.getCell('H4').value = { formula: 'H2*2' };
      sheet.getCell('C5').value = '201';
    });
    const result = await importBudgetTemplate(seed, edited);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.sheet}!${p.row} ${p.field}`)).toEqual(['支出!3 amount', '支出!4 amount']);
    expect(result.problems[0]?.message).toMatch(/2 decimals/);
    const fixedAmounts = await edit(edited, (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.getCell('H3').value = 12.34;
      sheet.getCell('H4').value = 1;
    });
    const second = await importBudgetTemplate(seed, fixedAmounts);
    expect(second.ok ? [] : second.problems.map((p) => `${p.sheet}!${p.row} ${p.field}`)).toEqual(['支出!5 functionCode']);
  });
});
