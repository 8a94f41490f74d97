import { LINE_FIELDS, canonicalJson, parseFen, sumFenExact, type TBudgetDocument } from '@budgetflow/domain';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { XLSX_MEDIA_TYPE } from '../../src/modules/budgets/workbook-body';
import { LINES_SHEET } from '../../src/modules/open-data/lines-workbook';
import { RenderPublicationJob } from '../../src/modules/publications/jobs/render-publication.job';
import { PublicationFilesService } from '../../src/modules/publications/publication-files.service';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { insertPublishedBudget, renderPublication, type TPublished } from '../jobs/jobs-fixtures';
import { seedDisclosure, seedDocument } from '../jobs/seed-disclosure';
// The Frictionless registry's own profile and validator (datapackage-js, its lib/profiles/fiscal-data-package.json), read from disk.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Profile } = require('datapackage') as { Profile: { load(profile: string): Promise<{ validate(descriptor: unknown): { valid: boolean; errors: Error[] } }> } };

const AMOUNT = LINE_FIELDS.findIndex((f) => f.key === 'amount');
const DRAFT_AMOUNT = '98765.43';

let t: TTestApp;
let published: TPublished;
let document: TBudgetDocument;

async function download(url: string): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const res = await t
    .http()
    .get(url)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  return { body: res.body as Buffer, headers: res.headers as Record<string, string> };
}
/** The CSV's records after the BOM, without the empty string the last CRLF leaves. */
const records = (csv: Buffer): string[][] => csv.subarray(3).toString('utf8').split('\r\n').slice(0, -1).map((r) => r.split(','));

/** A budget of the other department that was never published: a working copy and a submitted revision. */
async function insertDraft(): Promise<void> {
  const draft = { ...document, department: { ...document.department, code: '999001', name: '示例单位' } };
  draft.expenditureLines = [{ ...document.expenditureLines[0]!, id: 'draft-line', amount: DRAFT_AMOUNT }];
  const [budget] = (await t.dataSource.query(
    `INSERT INTO budgets (department_id, fiscal_year, state, version, revision_no, document) VALUES ($1, 2020, 'submitted', 2, 1, $2) RETURNING id`,
    [t.people.departments.other.id, JSON.stringify(draft)],
  )) as { id: string }[];
  await t.dataSource.query(
    `INSERT INTO revisions (budget_id, revision_no, budget_version, document, disclosure, findings, sha256, submitted_by, editors)
     VALUES ($1, 1, 1, $2, $3, '[]', $4, $5, ARRAY[$5]::uuid[])`,
    [budget?.id, JSON.stringify(draft), JSON.stringify(seedDisclosure()), createHash('sha256').update(canonicalJson(draft)).digest('hex'), t.people.users.preparer2.id],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  document = seedDocument();
  published = await insertPublishedBudget(t.dataSource, t.people, seedDisclosure(), 2020, document);
  const outboxId = await renderPublication(t.dataSource, published);
  await new RenderPublicationJob(t.dataSource).handle({ outboxId, topic: 'budget.render-publication', payload: { ...published } });
  await insertDraft();
});

afterAll(() => t.close());

describe('line-level open data of a publication', () => {
  it('serves lines.csv with the BOM, Chinese headers from 功能科目编码, one row per line summing to the published total', async () => {
    const { body, headers } = await download(`/api/public/publications/${published.publicationId}/lines.csv`);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = records(body);
    expect(header?.[0]).toBe('功能科目编码');
    expect(header).toEqual(LINE_FIELDS.map((f) => f.header));
    expect(rows).toHaveLength(document.expenditureLines.length);
    const sum = sumFenExact(rows.map((r) => parseFen(r[AMOUNT])));
    // 表3 支出总表's 合计 as published, exact to the 分.
    const t3 = seedDisclosure().tables.find((table) => table.id === 'T3');
    expect(String(sum)).toBe(String(sumFenExact([parseFen(t3?.rows.find((r) => r.key === 'total')?.cells.total)])));
    expect(rows.some((r) => r.includes(DRAFT_AMOUNT))).toBe(false);
  });

  it('describes it in a datapackage.json that the Fiscal Data Package profile accepts, with its size and sha256', async () => {
    const { body } = await download(`/api/public/publications/${published.publicationId}/datapackage.json`);
    const descriptor = JSON.parse(body.toString('utf8')) as { profile: string; resources: { path: string; bytes: number; hash: string }[]; model: { dimensions: Record<string, { classificationType?: string }> } };
    const profile = await Profile.load('fiscal-data-package');
    const verdict = profile.validate(descriptor);
    expect(verdict.errors.map((e) => e.message)).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect((await Profile.load('tabular-data-package')).validate(descriptor).valid).toBe(true);
    // The profile refuses what is not a fiscal package: the check can fail.
    expect(profile.validate({ ...descriptor, model: undefined }).valid).toBe(false);
    const csv = (await download(`/api/public/publications/${published.publicationId}/${descriptor.resources[0]?.path}`)).body;
    expect(descriptor.resources[0]).toMatchObject({ bytes: csv.length, hash: `sha256:${createHash('sha256').update(csv).digest('hex')}` });
    expect(descriptor.model.dimensions.functional?.classificationType).toBe('functional');
    expect(descriptor.model.dimensions.economic?.classificationType).toBe('economic');
    expect(descriptor.model.dimensions.administrative?.classificationType).toBe('administrative');
  });

  it('publishes the same lines.csv and package among the files of the publication, with their sha256', async () => {
    const files = await new PublicationFilesService(t.dataSource).listPublished(published.publicationId);
    const served = (await download(`/api/public/publications/${published.publicationId}/lines.csv`)).body;
    const listed = files.find((f) => f.name === 'lines.csv');
    expect(listed?.sha256).toBe(createHash('sha256').update(served).digest('hex'));
    const packageFile = files.find((f) => f.name === 'lines.datapackage.json');
    const stored = (await download(packageFile?.url ?? '/missing')).body;
    expect(stored.equals((await download(`/api/public/publications/${published.publicationId}/datapackage.json`)).body)).toBe(true);
  });

  it('answers 404 for what is not a publication, a draft budget included', async () => {
    const [draft] = (await t.dataSource.query(`SELECT id FROM budgets WHERE department_id = $1`, [t.people.departments.other.id])) as { id: string }[];
    await t.http().get(`/api/public/publications/${draft?.id}/lines.csv`).expect(404);
    await t.http().get('/api/public/publications/not-a-uuid/datapackage.json').expect(404);
  });
});

describe("the district's lines of a year", () => {
  it('streams one CSV of every published line of the year, never a draft', async () => {
    const { body } = await download('/api/public/open-data/2020/lines.csv');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = records(body);
    expect(header?.[0]).toBe('功能科目编码');
    expect(rows).toHaveLength(document.expenditureLines.length);
    expect(rows.some((r) => r.includes(DRAFT_AMOUNT))).toBe(false);
    expect(records((await download('/api/public/open-data/2021/lines.csv')).body)).toHaveLength(1);
  });

  it('gives the same lines as an Excel workbook whose codes stay text and amounts are numbers in 元', async () => {
    const { body, headers } = await download('/api/public/open-data/2020/lines.xlsx');
    expect(headers['content-type']).toBe(XLSX_MEDIA_TYPE);
    expect(headers['content-disposition']).toBe('attachment; filename="lines-2020.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(LINES_SHEET)!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...LINE_FIELDS.map((f) => f.header)]);
    expect(sheet.rowCount).toBe(1 + document.expenditureLines.length);
    const column = (key: (typeof LINE_FIELDS)[number]['key']) => LINE_FIELDS.findIndex((f) => f.key === key) + 1;
    const csvRows = records((await download('/api/public/open-data/2020/lines.csv')).body).slice(1);
    for (let i = 0; i < csvRows.length; i++) {
      const row = sheet.getRow(i + 2);
      // 019001 and 2010350 are text cells, as the CSV has them (quoted); the amount a number that is the CSV's to the 分.
      expect(row.getCell(column('departmentCode')).value).toBe(csvRows[i]![column('departmentCode') - 1]!.replaceAll('"', ''));
      expect(typeof row.getCell(column('functionCode')).value).toBe('string');
      expect(row.getCell(column('unitCode')).numFmt).toBe('@');
      const amount = row.getCell(column('amount'));
      expect(typeof amount.value).toBe('number');
      expect(parseFen((amount.value as number).toFixed(2))).toBe(parseFen(csvRows[i]![AMOUNT]!.replaceAll('"', '')));
    }
    expect(String(sheet.getRow(2).getCell(column('departmentCode')).value)).toMatch(/^0/);
    const fen = csvRows.map((r) => parseFen(r[AMOUNT]!.replaceAll('"', '')));
    expect(sumFenExact(fen)).toBe(sumFenExact(document.expenditureLines.map((l) => parseFen(l.amount))));
  });

  it('pages the same lines as JSON, in bounded pages', async () => {
    const pageSize = 7;
    const first = await t.http().get(`/api/public/open-data/2020/lines?page=1&pageSize=${pageSize}`).expect(200);
    expect(first.body).toMatchObject({ page: 1, pageSize, total: document.expenditureLines.length });
    const all: { lineId: string; amount: string; publicationId: string }[] = [];
    for (let page = 1; (page - 1) * pageSize < first.body.total; page++) {
      const res = await t.http().get(`/api/public/open-data/2020/lines?page=${page}&pageSize=${pageSize}`).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(pageSize);
      all.push(...res.body.items);
    }
    expect(all.map((l) => l.lineId)).toEqual(document.expenditureLines.map((l) => l.id));
    expect(all.every((l) => l.publicationId === published.publicationId)).toBe(true);
    expect(String(sumFenExact(all.map((l) => parseFen(l.amount))))).toBe(String(sumFenExact(document.expenditureLines.map((l) => parseFen(l.amount)))));
    const past = await t.http().get(`/api/public/open-data/2020/lines?page=1000&pageSize=${pageSize}`).expect(200);
    expect(past.body.items).toEqual([]);
  });

  it('refuses a page size out of bounds and a year that is not one with a 400 problem', async () => {
    for (const query of ['pageSize=1001', 'pageSize=0', 'page=0', 'page=x', 'extra=1']) {
      const res = await t.http().get(`/api/public/open-data/2020/lines?${query}`).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    await t.http().get('/api/public/open-data/20x0/lines').expect(400);
    await t.http().get('/api/public/open-data/1999/lines.csv').expect(400);
  });

  it("describes the year's CSV in a datapackage.json the profile accepts", async () => {
    const { body } = await download('/api/public/open-data/2020/datapackage.json');
    const verdict = (await Profile.load('fiscal-data-package')).validate(JSON.parse(body.toString('utf8')));
    expect(verdict.errors.map((e) => e.message)).toEqual([]);
  });
});
