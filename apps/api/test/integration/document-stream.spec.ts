import { get, type IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { ZBudgetDocument, type TBudgetDocument } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import type { EntityManager } from 'typeorm';
import { BudgetLinesRepository } from '../../src/modules/budgets/budget-lines.repository';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';

/** Lines per request while a budget is built: under the API's 5 MB body and 20,000 lines. */
const CHUNK = 15_000;

/**
 * GET /api/budgets/:id/document is read in steps of lines from one snapshot and made once per version
 * (issue 13, defect 8): a 30,000-line budget must still be exactly its document, of one version,
 * gzipped or not, the same bytes for a crowd reading it at once and new ones after an edit, and a
 * reader that goes away must not leave the snapshot's connection behind.
 */
describe('a whole document streamed', () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let id: string;
  let version: number;
  let document: TBudgetDocument;

  beforeAll(async () => {
    t = await createTestApp();
    preparer = await t.login('preparer');
    const generated = generateBudget({ lines: 30_000 });
    document = ZBudgetDocument.parse({ ...generated, department: { ...generated.department, code: t.people.departments.home.code } });
    const created = await t.http().post('/api/budgets').set(preparer.headers).send({ fiscalYear: document.fiscalYear }).expect(201);
    id = String(created.body.id);
    const first = { ...document, expenditureLines: document.expenditureLines.slice(0, CHUNK) };
    let res = await t.http().put(`/api/budgets/${id}/document`).set(preparer.headers).set('If-Match', `"${created.body.version}"`).send(first).expect(200);
    res = await t
      .http()
      .patch(`/api/budgets/${id}/lines`)
      .set(preparer.headers)
      .send({ version: res.body.version, upsertExpenditure: document.expenditureLines.slice(CHUNK) })
      .expect(200);
    version = Number(res.body.version);
  }, 120_000);
  afterAll(() => t.close());

  /** The raw answer, read to its end: status, headers, the bytes as sent. */
  const raw = (headers: Record<string, string>, onResponse?: (res: IncomingMessage) => Promise<void>) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      get(`${t.baseUrl}/api/budgets/${id}/document`, { headers: { ...preparer.headers, ...headers } }, (res) => {
        res.pause();
        void (onResponse?.(res) ?? Promise.resolve()).then(() => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
          res.resume();
        }, reject);
      }).on('error', reject);
    });

  it('is the document exactly, lines in order, plain or gzipped as asked, with the ETag of its version', async () => {
    const plain = await raw({});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['etag']).toBe(`"${version}"`);
    const read = ZBudgetDocument.parse(JSON.parse(plain.body.toString('utf8')));
    expect(read.expenditureLines).toHaveLength(30_000);
    // As imported, with the template the budget's year is published by.
    expect(read).toEqual({ ...document, template: 'hubei-2020' });

    const gzipped = await raw({ 'Accept-Encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
  });

  it('is read from one snapshot: an edit made while it streams is not in it, and its ETag is the version it shows', async () => {
    const last = document.expenditureLines.at(-1)!;
    const streamed = await raw({}, async () => {
      // The answer's head is here, so its snapshot is taken; the lines not yet read change now.
      await t.http().patch(`/api/budgets/${id}/lines`).set(preparer.headers).send({ version, upsertExpenditure: [{ ...last, amount: '1.23' }] }).expect(200);
    });
    expect(streamed.headers['etag']).toBe(`"${version}"`);
    const read = JSON.parse(streamed.body.toString('utf8')) as TBudgetDocument;
    expect(read.expenditureLines.at(-1)).toEqual(last);
    version += 1;
    const after = await t.http().get(`/api/budgets/${id}/document`).set(preparer.headers).expect(200);
    expect(after.headers['etag']).toBe(`"${version}"`);
    expect((after.body as TBudgetDocument).expenditureLines.at(-1)?.amount).toBe('1.23');
  });

  it('gives a crowd reading at once the same bytes, and the next version after an edit', async () => {
    const crowd = await Promise.all(Array.from({ length: 8 }, () => raw({ 'Accept-Encoding': 'gzip' })));
    for (const answer of crowd) {
      expect(answer.headers['etag']).toBe(`"${version}"`);
      expect(answer.body.equals(crowd[0]!.body)).toBe(true);
    }
    const first = document.expenditureLines[0]!;
    await t.http().patch(`/api/budgets/${id}/lines`).set(preparer.headers).send({ version, upsertExpenditure: [{ ...first, amount: '7.77' }] }).expect(200);
    version += 1;
    const after = await raw({ 'Accept-Encoding': 'gzip' });
    expect(after.headers['etag']).toBe(`"${version}"`);
    expect((JSON.parse(gunzipSync(after.body).toString('utf8')) as TBudgetDocument).expenditureLines[0]?.amount).toBe('7.77');
  }, 120_000);

  it("answers another department's small budget while a crowd's big downloads are held in flight, then each of them whole", async () => {
    const other = await t.login('preparer2');
    const small = await t.http().post('/api/budgets').set(other.headers).send({ fiscalYear: document.fiscalYear }).expect(201);
    let started = 0;
    let finished = 0;
    let letRead = () => {};
    const reading = new Promise<void>((resolve) => (letRead = resolve));
    // Each reader has its answer's head, then reads nothing until the small GET is answered.
    const crowd = Array.from({ length: 6 }, () =>
      raw({ 'Accept-Encoding': 'gzip' }, async () => {
        started += 1;
        await reading;
      }).then((answer) => {
        finished += 1;
        return answer;
      }),
    );
    // Polled with a generous bound, since a loaded machine may take its time to start six answers.
    for (let i = 0; i < 600 && started < 6; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(started).toBe(6);
    const answer = await t.http().get(`/api/budgets/${String(small.body.id)}`).set(other.headers).expect(200);
    expect(answer.body).toMatchObject({ id: small.body.id, lines: { expenditure: { items: [] } } });
    expect(finished).toBe(0);
    letRead();
    const plain = await raw({});
    for (const big of await Promise.all(crowd)) expect(gunzipSync(big.body).equals(plain.body)).toBe(true);
  }, 120_000);

  it('lets go of its connection when the reader goes away halfway', async () => {
    await new Promise<void>((resolve, reject) => {
      get(`${t.baseUrl}/api/budgets/${id}/document`, { headers: preparer.headers }, (res) => {
        res.once('data', () => {
          res.destroy();
          resolve();
        });
      }).on('error', reject);
    });
    // The stream's own connection: its last statement read the cursor (other work of the app, a
    // derivation of this big budget say, may be between statements of its own transaction meanwhile).
    const stuck = async () => {
      const rows: { n: string }[] = await t.dataSource.query(
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND state <> 'idle' AND query ~ '^(DECLARE|FETCH|CLOSE) .*expenditure_'`,
      );
      return Number(rows[0]?.n);
    };
    // Polled with a generous bound, since a loaded machine may take its time to notice the close.
    for (let i = 0; i < 600 && (await stuck()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await stuck()).toBe(0);
    // And the budget still reads.
    await t.http().get(`/api/budgets/${id}/document`).set(preparer.headers).expect(200);
  }, 120_000);

  it("reads the GET's page of the big budget's lines along their order, not by sorting all of them: its import brought the statistics up to date", async () => {
    // The repository's own SQL, recorded rather than run, then EXPLAINed with its parameters.
    const sent: { sql: string; params: unknown[] }[] = [];
    const recorder = { query: async (sql: string, params: unknown[]) => (sent.push({ sql, params }), []) } as unknown as EntityManager;
    await new BudgetLinesRepository().expenditurePage(recorder, { id, fiscal_year: document.fiscalYear }, 1, 200);
    const plan = async () => {
      const [row] = (await t.dataSource.query(`EXPLAIN (FORMAT JSON) ${sent[0]!.sql}`, sent[0]!.params)) as [{ 'QUERY PLAN': unknown }];
      return JSON.stringify(row['QUERY PLAN']);
    };
    // The statistics are made after the import's commit, out of its request: polled with a generous bound.
    for (let i = 0; i < 300 && (await plan()).includes('"Sort"'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await plan()).not.toContain('"Sort"');
    expect(await plan()).toContain('"Index Name":"expenditure_lines_y2020_budget_id_ordinal_idx"');
  }, 60_000);

  it('answers 404, sending nothing of it, to whoever may not see the budget', async () => {
    const other = await t.login('preparer2');
    const res = await t.http().get(`/api/budgets/${id}/document`).set(other.headers).expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
  });
});
