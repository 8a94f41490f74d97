import { createHash } from 'node:crypto';
import { ZRevisionFiles, type TRevisionFiles } from '../../src/modules/revisions/revision-files.schema';
import { RenderRevisionJob } from '../../src/modules/reports/jobs/render-revision.job';
import { APPROVAL, createSeededBudget, signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { JOB_DRIVERS, startTestJobs, stopTestJobs } from './job-drivers';
import { testQueuePrefix, waitFor } from './jobs-fixtures';

describe.each(JOB_DRIVERS)('files of an approved revision, jobs on %s', (driver) => {
  const prefix = testQueuePrefix();
  let t: TTestApp;
  let people: Record<'preparer' | 'reviewer' | 'preparer2', TSignedIn>;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_DRIVER: driver, QUEUE_PREFIX: prefix } });
    people = await signIn(t, 'preparer', 'reviewer', 'preparer2');
  });

  afterAll(() => t.close());

  async function listFiles(budgetId: string, revisionNo: number, as: TSignedIn): Promise<TRevisionFiles> {
    const res = await t.http().get(`/api/budgets/${budgetId}/revisions/${revisionNo}/files`).set(as.headers).expect(200);
    return ZRevisionFiles.parse(res.body);
  }

  async function download(url: string, as: TSignedIn) {
    return t.http().get(url).set(as.headers).buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  }

  async function storedFiles(budgetId: string): Promise<{ name: string; created_at: Date }[]> {
    return t.dataSource.query(`SELECT name, created_at FROM revision_files WHERE budget_id = $1 ORDER BY name`, [budgetId]);
  }

  it('renders them after approval, each downloadable by those who see the budget with its listed sha256, once', async () => {
    const { preparer, reviewer, preparer2 } = people;
    const budget = await createSeededBudget(t, preparer, 2020);
    await t.http().post(`/api/budgets/${budget.id}/submit`).set(preparer.headers).expect(200);
    expect((await listFiles(budget.id, 1, preparer)).items).toEqual([]);
    await t.http().post(`/api/budgets/${budget.id}/approve`).set(reviewer.headers).send(APPROVAL).expect(200);
    const rows: { id: string; payload: unknown }[] = await t.dataSource.query(`SELECT id, payload FROM outbox WHERE topic = 'budget.render-revision'`);
    expect(rows.map((r) => r.payload)).toEqual([{ budgetId: budget.id, revisionNo: 1 }]);

    const jobs = startTestJobs(driver, { dataSource: t.dataSource, prefix });
    try {
      await waitFor('the revision files', async () => (await listFiles(budget.id, 1, preparer)).items.length > 0, 60_000);
    } finally {
      await stopTestJobs(jobs, prefix);
    }

    const { items } = await listFiles(budget.id, 1, reviewer);
    expect([...new Set(items.map((f) => f.format))].sort()).toEqual(['csv', 'datapackage', 'html', 'json', 'pdf', 'xlsx']);
    expect(items.map((f) => f.name)).toEqual(expect.arrayContaining(['disclosure.pdf', 'disclosure.xlsx', 'disclosure.html', 'disclosure.json', 't1.csv', 'datapackage.json']));
    for (const file of items) {
      const res = await download(file.url, preparer);
      expect(res.status).toBe(200);
      const body = res.body as Buffer;
      expect(body.length).toBe(file.size);
      expect(res.headers['content-length']).toBe(String(file.size));
      expect(createHash('sha256').update(body).digest('hex')).toBe(file.sha256);
      expect(res.headers['etag']).toBe(`"${file.sha256}"`);
    }
    expect((await download(`/api/budgets/${budget.id}/revisions/1/files/disclosure.pdf`, preparer)).headers['content-type']).toBe('application/pdf');
    const done: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'budget.render-revision' AND done_at IS NOT NULL`);
    expect(done[0]?.n).toBe(1);

    // The same row again (a re-enqueued job): it finds the files and stores nothing new.
    const before = await storedFiles(budget.id);
    const outboxId = rows[0]?.id ?? '';
    expect(await new RenderRevisionJob(t.dataSource).handle({ outboxId, topic: 'budget.render-revision', payload: { budgetId: budget.id, revisionNo: 1 } })).toBe('already-rendered');
    expect(await storedFiles(budget.id)).toEqual(before);

    // Another department's preparer does not learn the budget exists; nobody signed out reads it.
    await t.http().get(`/api/budgets/${budget.id}/revisions/1/files`).set(preparer2.headers).expect(404);
    expect((await download(items[0]?.url ?? '', preparer2)).status).toBe(404);
    await t.http().get(`/api/budgets/${budget.id}/revisions/1/files`).expect(401);
    await t.http().get(items[0]?.url ?? '').expect(401);
    // Unknown revision, unknown file.
    await t.http().get(`/api/budgets/${budget.id}/revisions/2/files`).set(preparer.headers).expect(404);
    await t.http().get(`/api/budgets/${budget.id}/revisions/1/files/nothing.pdf`).set(preparer.headers).expect(404);
  });
});
