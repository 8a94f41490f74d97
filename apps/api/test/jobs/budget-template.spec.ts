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

  it('writes codes with their names and the closed sets in Chinese, with drop-down lists', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportBudgetTemplate(seed)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '单位', '功能科目', '经济科目', '支出类型', '项目', '资金来源', '金额（元）', '备注']);
    const first = seed.expenditureLines[0]!;
    expect(String(sheet.getCell('C2').value)).toMatch(new RegExp(`^${first.functionCode} \\S`));
    expect(['人员经费', '公用经费', '项目']).toContain(sheet.getCell('E2').value);
    expect(sheet.getCell('G2').value).not.toMatch(/[a-z]/);
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['选项!$A$1:$A$3'] });
    expect(sheet.getCell(`G${seed.expenditureLines.length + 2}`).dataValidation).toMatchObject({ type: 'list' });
    // Codes stay text when retyped (019001 keeps its zero); amounts show separators and two decimals.
    for (const row of [2, seed.expenditureLines.length + 1]) {
      expect(['B', 'C', 'D'].map((column) => sheet.getCell(`${column}${row}`).numFmt)).toEqual(['@', '@', '@']);
      expect(sheet.getCell(`H${row}`).numFmt).toBe('#,##0.00');
    }
  });

  it('reads a row added in Chinese without an id, a formula by its result, and an older English template', async () => {
    const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.addRow([null, '019001', '2010350', '[30201]', '日常公用经费', null, '经费拨款', { formula: 'H2*2', result: 20.5 }, '新增']);
      sheet.addRow([]); // a blank row is not a line
    });
    const result = await importBudgetTemplate(seed, edited);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const added = result.document.expenditureLines.at(-1);
    expect(added).toEqual({ id: expect.stringMatching(/^x-/), unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation', amount: '20.50', note: '新增' });
    expect(result.document.expenditureLines).toHaveLength(seed.expenditureLines.length + 1);

    // The template as it was written before: English-keyed headings and values.
    const old = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.getRow(1).values = ['行号 id', '单位编码 unitCode', '功能科目 functionCode', '经济科目 economicCode', '支出类型 kind', '项目 projectId', '资金来源 fundSource', '金额（元） amount', '备注 note'];
      seed.expenditureLines.forEach((line, i) => {
        const row = sheet.getRow(i + 2);
        row.getCell(2).value = line.unitCode;
        row.getCell(3).value = line.functionCode;
        row.getCell(4).value = line.economicCode;
        row.getCell(5).value = line.kind;
        row.getCell(6).value = line.projectId ?? null;
        row.getCell(7).value = line.fundSource;
      });
    });
    expect(await importBudgetTemplate(seed, old)).toEqual({ ok: true, document: seed });
  });

  it('refuses bad cells, naming the sheet, row and column with a reason in Chinese, and imports nothing', async () => {
    const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.getCell('H3').value = 12.345;
      sheet.getCell('H4').value = { formula: 'H2*2' } as ExcelJS.CellFormulaValue; // never calculated
      sheet.getCell('C5').value = '201';
      sheet.getCell('E6').value = '差旅';
    });
    const result = await importBudgetTemplate(seed, edited);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.sheet}!${p.row} ${p.column}`)).toEqual(['支出!3 金额（元）', '支出!4 金额（元）', '支出!5 功能科目', '支出!6 支出类型']);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('两位小数'),
      expect.stringContaining('公式没有计算结果'),
      expect.stringContaining('功能科目须写到项级'),
      expect.stringContaining('支出类型须为'),
    ]);
  });
});
