import { startsFormula, type TBudgetDocument } from '@budgetflow/domain';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/modules/reports/check/rendered-check';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { APPROVAL, createSeededBudget, seedDocument, signIn } from './budget-test-kit';

/**
 * Issue 13's formula neutraliser, end to end: a budget whose texts start with every sign a
 * spreadsheet runs (= + - @, tab, CR, ＝ ＋ － ＠) is approved and published, and no text cell of
 * any published workbook nor any field of any published or open-data CSV starts a formula. The
 * department's short name starts each table's title, so such a department must publish at all.
 */
/** Each sign a spreadsheet runs, at the start of a text that prints at the start of a cell or field. */
const SIGNS = {
  shortName: '＝',
  unit: '@',
  project: '+',
  overall: '-',
  firstBasis: '\t',
  firstNote: '\r',
  secondBasis: '=',
  secondNote: '＋',
  firstIndicator: '＠',
  secondIndicator: '－',
} as const;
const MARK = '探针';
const marked = (sign: string, what: string) => `${sign}${what}${MARK}`;
/** 表9 prints a goal after its label (年度指标 1：…): neutralised or not, it never starts a cell. */
const GOAL = marked('=', 'B2');

function hostile(doc: TBudgetDocument): TBudgetDocument {
  const [unit, ...units] = doc.department.units;
  const [project, ...projects] = doc.projects;
  if (unit === undefined || project === undefined) throw new Error('the seed has a unit and a project');
  const [first, second, ...details] = project.details;
  const [one, two, ...indicators] = project.indicators;
  if (first === undefined || second === undefined || one === undefined || two === undefined) throw new Error("the seed's project has two details and two indicators");
  return {
    ...doc,
    department: { ...doc.department, shortName: marked(SIGNS.shortName, 'HYPERLINK("http://x")'), units: [{ ...unit, name: marked(SIGNS.unit, '1+1') }, ...units] },
    projects: [
      {
        ...project,
        name: marked(SIGNS.project, 'cmd|'),
        overallTarget: marked(SIGNS.overall, 'SUM(A1)'),
        details: [
          { ...first, basis: marked(SIGNS.firstBasis, '=1'), note: marked(SIGNS.firstNote, '=2') },
          { ...second, basis: marked(SIGNS.secondBasis, '3'), note: marked(SIGNS.secondNote, '4') },
          ...details,
        ],
        indicators: [{ ...one, content: marked(SIGNS.firstIndicator, 'A1') }, { ...two, content: marked(SIGNS.secondIndicator, 'A2') }, ...indicators],
      },
      ...projects,
    ],
    performance: { ...doc.performance, annualGoals: doc.performance.annualGoals.map((g, i) => (i === 0 ? { ...g, title: GOAL } : g)) },
  };
}

let t: TTestApp;
let publicationId: string;

beforeAll(async () => {
  t = await createTestApp();
  const { preparer, reviewer, publisher } = await signIn(t, 'preparer', 'reviewer', 'publisher');
  const budget = await createSeededBudget(t, preparer, 2020, hostile(seedDocument()));
  const submitted = await t.http().post(`/api/budgets/${budget.id}/submit`).set(preparer.headers).send({ version: budget.version }).expect(200);
  const approved = await t.http().post(`/api/budgets/${budget.id}/approve`).set(reviewer.headers).send({ ...APPROVAL, version: submitted.body.version }).expect(200);
  // Publish renders and checks the files itself here (no job runs): a PDF on a loaded machine.
  const published = await t.http().post(`/api/budgets/${budget.id}/publish`).set(publisher.headers).send({ version: approved.body.version });
  expect([published.status, published.body.code]).toEqual([200, undefined]);
  publicationId = published.body.publication.id;
}, 120_000);
afterAll(() => t.close());

const download = async (url: string): Promise<Buffer> => {
  const res = await t.http().get(url).buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (c: Buffer) => chunks.push(c));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
  expect([url, res.status]).toEqual([url, 200]);
  return res.body as Buffer;
};

async function workbookTexts(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' ? texts.push(cell.value) : undefined)));
  return texts;
}

const csvFields = (bytes: Buffer): string[] => parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, '')).flat();

describe('texts that start a formula, published', () => {
  it('are neutralised in every published workbook and CSV and in the open data, wherever they print', async () => {
    const listed = (await t.http().get(`/api/public/disclosures/${publicationId}`).expect(200)).body.files as { name: string; url: string }[];
    const sources = [
      ...listed.filter((f) => /\.(xlsx|csv)$/.test(f.name)).map((f) => ({ name: f.name, url: f.url })),
      { name: 'open data lines.csv', url: '/api/public/open-data/2020/lines.csv' },
      { name: 'open data lines.xlsx', url: '/api/public/open-data/2020/lines.xlsx' },
    ];
    expect(sources.map((s) => s.name)).toEqual(expect.arrayContaining(['disclosure.xlsx', 'lines.csv', 't1.csv', 't10.csv']));
    const running: string[] = [];
    const printed = new Set<string>();
    for (const source of sources) {
      const bytes = await download(source.url);
      const texts = source.name.endsWith('.xlsx') ? await workbookTexts(bytes) : csvFields(bytes);
      for (const text of texts.filter((x) => x.includes(MARK))) {
        printed.add(text.replace(/^'/, ''));
        if (startsFormula(text)) running.push(`${source.name}: ${JSON.stringify(text)}`);
      }
    }
    expect(running).toEqual([]);
    // Each hostile text did reach the files at the start of a cell or field, so the check above had something to find.
    expect([...printed].map((text) => text[0])).toEqual(expect.arrayContaining(Object.values(SIGNS)));
    expect([...printed].some((text) => text.includes(GOAL))).toBe(true);
  });
});
