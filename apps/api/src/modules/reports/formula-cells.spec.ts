import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ZBudgetDocument, catalogueForYear, deriveDisclosure, renderCsv, startsFormula, type TBudgetDocumentInput } from '@budgetflow/domain';
import { parseCsv } from './check/rendered-check';
import { tidyCsv } from './open-data/tidy-csv';
import { exportBudgetTemplate } from './xlsx/budget-template';
import { renderDisclosureXlsx } from './xlsx/disclosure-xlsx.renderer';

/** Every way a typed text could start a formula, placed where each writer prints typed text. */
const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '\t=1+1', '\r=1+1', '＝1+1', '＋1', '－A1', '＠SUM(A1)', '+1', '-A1', '@SUM(A1)'];
const pick = (i: number): string => HOSTILE[i % HOSTILE.length] as string;

function hostileDocument() {
  const path = join(__dirname, '../../../../../packages/domain/fixtures/qiaokou-bigdata-2020.json');
  const doc = JSON.parse(readFileSync(path, 'utf8')) as TBudgetDocumentInput;
  const project = doc.projects![0]!;
  return ZBudgetDocument.parse({
    ...doc,
    // The short name heads every table of the workbook: 表 titles are built from it.
    department: { ...doc.department, name: pick(3), shortName: pick(0), units: doc.department.units.map((u) => ({ ...u, name: pick(2) })) },
    projects: [
      {
        ...project,
        name: pick(3),
        leader: pick(4),
        procurement: project.procurement!.map((p, i) => ({ ...p, item: pick(5 + i) })),
        indicators: project.indicators!.map((ind, i) => ({ ...ind, name: pick(6 + i), target: pick(7 + i) })),
      },
      ...doc.projects!.slice(1),
    ],
    expenditureLines: doc.expenditureLines.map((l, i) => ({ ...l, note: pick(i) })),
  });
}

async function workbookTexts(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value)))));
  return texts;
}

describe('every spreadsheet and CSV writer neutralises formula text', () => {
  const doc = hostileDocument();
  const disclosure = deriveDisclosure(doc, catalogueForYear(doc.fiscalYear));

  const writers: [string, () => Promise<string[]>][] = [
    ['the disclosure CSV', async () => parseCsv(renderCsv(disclosure).slice(1)).flat()],
    ['the tidy open-data CSVs', async () => disclosure.tables.flatMap((table) => parseCsv(tidyCsv(table)).flat())],
    ['the disclosure workbook', async () => workbookTexts(await renderDisclosureXlsx(disclosure, { createdAt: new Date('2020-03-01T00:00:00Z') }))],
    ['the import template', async () => workbookTexts(await exportBudgetTemplate(doc))],
  ];

  it.each(writers)('%s: no cell starts a formula, and the hostile texts are there, neutralised', async (_name, cells) => {
    const texts = await cells();
    expect(texts.filter(startsFormula)).toEqual([]);
    // The writer did print typed text: at least one hostile value arrived, with its apostrophe.
    expect(texts.some((text) => HOSTILE.some((h) => text.includes(`'${h}`)))).toBe(true);
  });

  it('the workbook heads each table with the short name, neutralised', async () => {
    const texts = await workbookTexts(await renderDisclosureXlsx(disclosure, { createdAt: new Date('2020-03-01T00:00:00Z') }));
    // Merged title cells repeat their master's value: one distinct heading per table.
    expect(new Set(texts.filter((text) => text.startsWith(`'${pick(0)}2020年`))).size).toBe(10);
  });
});
