import ExcelJS from 'exceljs';
import { XLSX_MEDIA_TYPE } from '../../src/modules/budgets/workbook-body';
import { exportBudgetTemplate } from '../../src/modules/reports/xlsx/budget-template';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { zipBomb } from '../utils/zip-bomb';
import { createTestApp } from '../utils/test-app';
import { createSeededBudget, dumpBudgetTables, seedDocument, signIn, type TBudgetRef } from './budget-test-kit';

/**
 * Bad input on every write route: a 4xx that names the field at fault, and not one row changed
 * (a dump of every table a write can touch, before and after).
 */
interface TCase {
  name: string;
  status: number;
  /** The field the problem must name (its `errors[].path`), when the error is about one field. */
  field?: string;
  send(t: TTestApp): Promise<{ status: number; body: unknown; text: string }>;
}

const LINE = { id: 'N1', unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation', amount: '10.00' };
const SQL = "x'); DROP TABLE budgets; --";

describe('bad input on every write route', () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let reviewer: TSignedIn;
  let publisher: TSignedIn;
  let draft: TBudgetRef;
  let submitted: TBudgetRef;
  let commentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ preparer, reviewer, publisher } = await signIn(t, 'preparer', 'reviewer', 'publisher'));
    draft = await createSeededBudget(t, preparer, 2020);
    // An administrator may open a year for which no classification catalogue exists.
    await t.dataSource.query(`INSERT INTO fiscal_years (year, status) VALUES (2001, 'open')`);
    submitted = await createSeededBudget(t, preparer, 2021);
    await t.http().post(`/api/budgets/${submitted.id}/submit`).set(preparer.headers).expect(200);
    const comment = await t.http().post(`/api/budgets/${submitted.id}/comments`).set(reviewer.headers).send({ target: { kind: 'budget' }, body: '问题' }).expect(201);
    commentId = (comment.body as { id: string }).id;
  });
  afterAll(() => t.close());

  const as = (who: () => TSignedIn) => who().headers;
  const patch = (body: unknown) => (tt: TTestApp) => tt.http().patch(`/api/budgets/${draft.id}/lines`).set(as(() => preparer)).send(body as object);
  const patchLine = (override: Record<string, unknown>) => patch({ version: draft.version, upsertExpenditure: [{ ...LINE, ...override }] });
  const put = (document: unknown, ifMatch = `"${draft.version}"`) => (tt: TTestApp) =>
    tt.http().put(`/api/budgets/${draft.id}/document`).set(as(() => preparer)).set('If-Match', ifMatch).send(document as object);
  const raw = (method: 'post' | 'patch', path: () => string, json: string) => (tt: TTestApp) =>
    tt.http()[method](path()).set(as(() => preparer)).set('content-type', 'application/json').send(json);
  const docWith = (change: (doc: Record<string, unknown>) => void) => {
    const doc = seedDocument() as unknown as Record<string, unknown>;
    change(doc);
    return doc;
  };
  const putWorkbook = (bytes: Buffer | string, contentType = XLSX_MEDIA_TYPE) => (tt: TTestApp) =>
    tt.http().put(`/api/budgets/${draft.id}/workbook`).set(as(() => preparer)).set('If-Match', `"${draft.version}"`).set('Content-Type', contentType).send(bytes);
  /** The seed's template with one cell of the 支出 sheet changed (row 2 is line L001; column 3 its functional code). */
  const workbookWith = async (row: number, column: number, value: ExcelJS.CellValue) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportBudgetTemplate(seedDocument())) as unknown as ArrayBuffer);
    workbook.getWorksheet('支出')!.getRow(row).getCell(column).value = value;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };
  const firstLine = (doc: Record<string, unknown>) => (doc['expenditureLines'] as Record<string, unknown>[])[0] as Record<string, unknown>;

  const CASES: TCase[] = [
    // POST /api/budgets
    { name: 'create: year as a string', status: 400, field: 'fiscalYear', send: (tt) => tt.http().post('/api/budgets').set(as(() => preparer)).send({ fiscalYear: '2022' }) },
    { name: 'create: year out of range', status: 400, field: 'fiscalYear', send: (tt) => tt.http().post('/api/budgets').set(as(() => preparer)).send({ fiscalYear: 1999 }) },
    { name: 'create: a year that is not open', status: 400, field: 'fiscalYear', send: (tt) => tt.http().post('/api/budgets').set(as(() => preparer)).send({ fiscalYear: 2030 }) },
    { name: 'create: a year without a catalogue', status: 400, field: 'fiscalYear', send: (tt) => tt.http().post('/api/budgets').set(as(() => preparer)).send({ fiscalYear: 2001 }) },
    { name: 'create: SQL as department id', status: 400, field: 'departmentId', send: (tt) => tt.http().post('/api/budgets').set(as(() => preparer)).send({ fiscalYear: 2022, departmentId: SQL }) },
    { name: 'create: unknown field', status: 400, field: '(body)', send: (tt) => tt.http().post('/api/budgets').set(as(() => preparer)).send({ fiscalYear: 2022, state: 'approved' }) },
    // PATCH /api/budgets/:id/lines
    { name: 'lines: amount "1e5"', status: 400, field: 'upsertExpenditure.0.amount', send: (tt) => patchLine({ amount: '1e5' })(tt) },
    { name: 'lines: amount "12.345"', status: 400, field: 'upsertExpenditure.0.amount', send: (tt) => patchLine({ amount: '12.345' })(tt) },
    { name: 'lines: amount 0.1 as a JSON number', status: 400, field: 'upsertExpenditure.0.amount', send: (tt) => patchLine({ amount: 0.1 })(tt) },
    { name: 'lines: negative amount', status: 400, field: 'upsertExpenditure.0.amount', send: (tt) => patchLine({ amount: '-5.00' })(tt) },
    { name: 'lines: unknown functional code', status: 400, field: 'upsertExpenditure.0.functionCode', send: (tt) => patchLine({ functionCode: '2999999' })(tt) },
    { name: 'lines: unknown economic code', status: 400, field: 'upsertExpenditure.0.economicCode', send: (tt) => patchLine({ economicCode: '38888' })(tt) },
    { name: 'lines: unknown unit', status: 400, field: 'upsertExpenditure.0.unitCode', send: (tt) => patchLine({ unitCode: '123456' })(tt) },
    { name: 'lines: unknown fund source', status: 400, field: 'upsertExpenditure.0.fundSource', send: (tt) => patchLine({ fundSource: 'printing-press' })(tt) },
    { name: 'lines: unknown kind', status: 400, field: 'upsertExpenditure.0.kind', send: (tt) => patchLine({ kind: 'bonus' })(tt) },
    { name: 'lines: SQL as line id', status: 400, field: 'upsertExpenditure.0.id', send: (tt) => patchLine({ id: SQL })(tt) },
    { name: 'lines: SQL as code', status: 400, field: 'upsertExpenditure.0.functionCode', send: (tt) => patchLine({ functionCode: SQL })(tt) },
    { name: 'lines: unknown field in a line', status: 400, field: 'upsertExpenditure.0', send: (tt) => patchLine({ approvedBy: 'me' })(tt) },
    { name: 'lines: version as a string', status: 400, field: 'version', send: (tt) => patch({ version: String(draft.version), removeExpenditure: ['L001'] })(tt) },
    { name: 'lines: no version at all', status: 400, field: 'version', send: (tt) => patch({ removeExpenditure: ['L001'] })(tt) },
    { name: 'lines: removing a line that does not exist', status: 400, field: 'removeExpenditure.1', send: (tt) => patch({ version: draft.version, removeExpenditure: ['L001', 'NOPE'] })(tt) },
    { name: 'lines: the same line twice', status: 400, field: 'upsertExpenditure.1.id', send: (tt) => patch({ version: draft.version, upsertExpenditure: [LINE, LINE] })(tt) },
    { name: 'lines: a huge note', status: 400, field: 'upsertExpenditure.0.note', send: (tt) => patchLine({ note: 'x'.repeat(20_001) })(tt) },
    { name: 'lines: a __proto__ key', status: 400, field: '__proto__', send: (tt) => raw('patch', () => `/api/budgets/${draft.id}/lines`, `{"version":${draft.version},"__proto__":{"admin":true}}`)(tt) },
    { name: 'lines: a constructor key inside a line', status: 400, field: 'constructor', send: (tt) => raw('patch', () => `/api/budgets/${draft.id}/lines`, `{"version":${draft.version},"upsertExpenditure":[{"constructor":1}]}`)(tt) },
    { name: 'lines: a body over the limit', status: 413, send: (tt) => patch({ version: draft.version, upsertIncome: [{ id: 'I9', source: 'other-income', amount: '1.00', pad: 'x'.repeat(6_000_000) }] })(tt) },
    { name: 'lines: malformed JSON', status: 400, send: (tt) => raw('patch', () => `/api/budgets/${draft.id}/lines`, '{"version": 2,')(tt) },
    // PUT /api/budgets/:id/document
    { name: 'import: amount "1e5"', status: 400, field: 'expenditureLines.0.amount', send: (tt) => put(docWith((d) => (firstLine(d)['amount'] = '1e5')))(tt) },
    { name: 'import: amount 0.1 as a number', status: 400, field: 'incomeLines.0.amount', send: (tt) => put(docWith((d) => ((d['incomeLines'] as Record<string, unknown>[])[0]!['amount'] = 0.1)))(tt) },
    { name: 'import: unknown code', status: 400, field: 'expenditureLines.0.functionCode', send: (tt) => put(docWith((d) => (firstLine(d)['functionCode'] = '2999999')))(tt) },
    { name: 'import: another year', status: 400, field: 'fiscalYear', send: (tt) => put(docWith((d) => (d['fiscalYear'] = 2019)))(tt) },
    { name: 'import: another department', status: 400, field: 'department.code', send: (tt) => put(docWith((d) => ((d['department'] as Record<string, unknown>)['code'] = '999001')))(tt) },
    { name: 'import: duplicate line ids', status: 400, field: 'expenditureLines.1.id', send: (tt) => put(docWith((d) => ((d['expenditureLines'] as Record<string, unknown>[])[1]!['id'] = 'L001')))(tt) },
    { name: 'import: schema version as a string', status: 400, field: 'schemaVersion', send: (tt) => put(docWith((d) => (d['schemaVersion'] = '1')))(tt) },
    { name: 'import: If-Match that is not a version', status: 400, field: 'If-Match', send: (tt) => put(seedDocument(), `"${SQL}"`)(tt) },
    { name: 'import: no If-Match', status: 400, field: 'version', send: (tt) => tt.http().put(`/api/budgets/${draft.id}/document`).set(as(() => preparer)).send(seedDocument()) },
    // PUT /api/budgets/:id/workbook
    { name: 'workbook: a corrupt file', status: 400, field: 'workbook', send: async (tt) => putWorkbook(Buffer.from('PK\u0003\u0004 not really a zip'))(tt) },
    { name: 'workbook: a zip bomb (200 kB inflating to 200 MB)', status: 413, field: 'workbook', send: async (tt) => putWorkbook(await zipBomb([{ name: 'xl/worksheets/sheet2.xml', inflatedBytes: 200 * 1024 * 1024 }]))(tt) },
    { name: 'workbook: JSON sent as a workbook', status: 415, field: 'Content-Type', send: async (tt) => putWorkbook(JSON.stringify(seedDocument()), 'application/json')(tt) },
    // A formula is read by its cached result (the formula itself is never kept): one never calculated has none.
    { name: 'workbook: a formula without a result in a code cell', status: 400, field: '支出.2.functionCode', send: async (tt) => putWorkbook(await workbookWith(2, 3, { formula: 'HYPERLINK("http://evil.example","2010350")' } as ExcelJS.CellFormulaValue))(tt) },
    { name: 'workbook: an amount "1e5"', status: 400, field: '支出.3.amount', send: async (tt) => putWorkbook(await workbookWith(3, 8, '1e5'))(tt) },
    { name: 'workbook: a code the catalogue lacks', status: 400, field: '支出.4.economicCode', send: async (tt) => putWorkbook(await workbookWith(4, 4, '38888'))(tt) },
    { name: 'workbook: no If-Match', status: 400, field: 'version', send: (tt) => tt.http().put(`/api/budgets/${draft.id}/workbook`).set(as(() => preparer)).set('Content-Type', XLSX_MEDIA_TYPE).send(Buffer.from('x')) },
    // Workflow actions
    { name: 'submit: version as a string', status: 400, field: 'version', send: (tt) => tt.http().post(`/api/budgets/${draft.id}/submit`).set(as(() => preparer)).send({ version: 'latest' }) },
    { name: 'submit: unknown field', status: 400, field: '(body)', send: (tt) => tt.http().post(`/api/budgets/${draft.id}/submit`).set(as(() => preparer)).send({ force: true }) },
    { name: 'withdraw: a __proto__ key', status: 400, field: '__proto__', send: (tt) => raw('post', () => `/api/budgets/${submitted.id}/withdraw`, '{"__proto__":{"state":"draft"}}')(tt) },
    { name: 'return: reason as a number', status: 400, field: 'reason', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/return`).set(as(() => reviewer)).send({ reason: 42 }) },
    { name: 'return: blank reason', status: 400, field: 'reason', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/return`).set(as(() => reviewer)).send({ reason: '   ' }) },
    { name: 'return: a huge reason', status: 400, field: 'reason', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/return`).set(as(() => reviewer)).send({ reason: '理'.repeat(5_001) }) },
    { name: 'approve: version negative', status: 400, field: 'version', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/approve`).set(as(() => reviewer)).send({ version: -1 }) },
    { name: 'approve: SQL as Idempotency-Key', status: 400, field: 'Idempotency-Key', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/approve`).set(as(() => reviewer)).set('Idempotency-Key', "x' OR 1=1; --\t").send({}) },
    { name: 'publish: SQL as budget id', status: 404, send: (tt) => tt.http().post(`/api/budgets/${encodeURIComponent(SQL)}/publish`).set(as(() => publisher)).send({}) },
    // Comments
    { name: 'comment: unknown table', status: 400, field: 'target.table', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/comments`).set(as(() => reviewer)).send({ target: { kind: 'row', table: 'T99', row: 'r' }, body: 'x' }) },
    { name: 'comment: unknown target kind', status: 400, field: 'target.kind', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/comments`).set(as(() => reviewer)).send({ target: { kind: 'cell' }, body: 'x' }) },
    { name: 'comment: a line that does not exist', status: 400, field: 'target.lineId', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/comments`).set(as(() => reviewer)).send({ target: { kind: 'line', lineId: SQL }, body: 'x' }) },
    { name: 'comment: body as an object', status: 400, field: 'body', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/comments`).set(as(() => reviewer)).send({ target: { kind: 'budget' }, body: { text: 'x' } }) },
    { name: 'comment: a huge body', status: 400, field: 'body', send: (tt) => tt.http().post(`/api/budgets/${submitted.id}/comments`).set(as(() => reviewer)).send({ target: { kind: 'budget' }, body: 'x'.repeat(5_001) }) },
    { name: 'answer: empty answer', status: 400, field: 'answer', send: (tt) => tt.http().post(`/api/comments/${commentId}/answer`).set(as(() => preparer)).send({ answer: '' }) },
    { name: 'answer: answer as an array', status: 400, field: 'answer', send: (tt) => tt.http().post(`/api/comments/${commentId}/answer`).set(as(() => preparer)).send({ answer: ['a'] }) },
  ];

  it('answers each with a 4xx naming the field, and changes nothing', async () => {
    const before = await dumpBudgetTables(t);
    const failures: string[] = [];
    for (const c of CASES) {
      const res = await c.send(t);
      const errors = ((res.body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
      if (res.status !== c.status) failures.push(`${c.name}: ${res.status} (expected ${c.status}) ${res.text.slice(0, 300)}`);
      else if (c.field !== undefined && !errors.includes(c.field)) failures.push(`${c.name}: errors name ${JSON.stringify(errors)}, not ${c.field}`);
      if (/QueryFailedError|at \w+ \(|SELECT |INSERT /.test(res.text)) failures.push(`${c.name}: the answer leaks internals: ${res.text.slice(0, 300)}`);
      if ((await dumpBudgetTables(t)) !== before) failures.push(`${c.name}: the database changed`);
    }
    process.stdout.write(`bad input: ${CASES.length} cases\n`);
    expect(failures).toEqual([]);
  }, 120_000);

  it('stores SQL in free text verbatim, as text', async () => {
    const res = await t.http().post(`/api/budgets/${submitted.id}/comments`).set(reviewer.headers).send({ target: { kind: 'budget' }, body: SQL }).expect(201);
    expect((res.body as { body: string }).body).toBe(SQL);
    const count: { n: number }[] = await t.dataSource.query('SELECT count(*)::int AS n FROM budgets');
    expect(count[0]?.n).toBe(2);
  });
});
