import { createHash } from 'node:crypto';
import type { TPublication, TPublicationSummary } from '@budgetflow/domain';
import { ZRevisionFiles, type TRevisionFiles } from '../../src/modules/revisions/revision-files.schema';
import { APPROVAL, createSeededBudget, seedDocument, signIn, type TBudgetRef } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { JOB_DRIVERS, startTestJobs, stopTestJobs } from './job-drivers';
import { testQueuePrefix, waitFor } from './jobs-fixtures';

type TPeople = Record<'preparer' | 'reviewer' | 'publisher', TSignedIn>;

describe.each(JOB_DRIVERS)('publish, gated by the check of the rendered files, jobs on %s', (driver) => {
  const prefix = testQueuePrefix();
  let t: TTestApp;
  let people: TPeople;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_DRIVER: driver, QUEUE_PREFIX: prefix } });
    people = await signIn(t, 'preparer', 'reviewer', 'publisher');
  });

  afterAll(() => t.close());

  async function approved(fiscalYear: number, document = seedDocument()): Promise<TBudgetRef> {
    const budget = await createSeededBudget(t, people.preparer, fiscalYear, document);
    await t.http().post(`/api/budgets/${budget.id}/submit`).set(people.preparer.headers).expect(200);
    await t.http().post(`/api/budgets/${budget.id}/approve`).set(people.reviewer.headers).send(APPROVAL).expect(200);
    return budget;
  }

  async function revisionFiles(budgetId: string): Promise<TRevisionFiles> {
    const res = await t.http().get(`/api/budgets/${budgetId}/revisions/1/files`).set(people.publisher.headers).expect(200);
    return ZRevisionFiles.parse(res.body);
  }

  /** Runs the jobs until the approved revision's files are rendered and checked. */
  async function rendered(budgetId: string): Promise<TRevisionFiles> {
    const jobs = startTestJobs(driver, { dataSource: t.dataSource, prefix });
    try {
      await waitFor('the check of the revision files', async () => (await revisionFiles(budgetId)).check !== null, 120_000);
    } finally {
      await stopTestJobs(jobs, prefix);
    }
    return revisionFiles(budgetId);
  }

  const publish = (budgetId: string) => t.http().post(`/api/budgets/${budgetId}/publish`).set(people.publisher.headers).set('Idempotency-Key', `publish-${budgetId}`);

  async function publicList(fiscalYear: number): Promise<TPublicationSummary[]> {
    const res = await t.http().get(`/api/public/disclosures?year=${fiscalYear}`).expect(200);
    return (res.body as { items: TPublicationSummary[] }).items;
  }

  async function count(sql: string, budgetId: string): Promise<number> {
    const rows: { n: number }[] = await t.dataSource.query(sql, [budgetId]);
    return rows[0]?.n ?? -1;
  }

  it('a check that fails leaves nothing public: publish is refused with what failed, and the publisher is told', async () => {
    // A reason that names another year: the PDF's text then carries a heading of 2019 (YEAR_MISMATCH).
    const document = seedDocument();
    document.explanations = { ...document.explanations, assets: '资产情况详见2019年部门预算。' };
    const budget = await approved(2021, document);

    // Published before the jobs rendered the revision: publish renders and checks it itself first.
    const refused = await publish(budget.id).expect(409);
    const problem = refused.body as { code: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe('RENDER_CHECK_FAILED');
    expect(problem.errors).toEqual(expect.arrayContaining([{ path: 'disclosure.pdf', message: expect.stringMatching(/^YEAR_MISMATCH: .*2019/) as string }]));
    const files = await revisionFiles(budget.id);
    expect(files.check?.passed).toBe(false);
    expect(files.check?.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'YEAR_MISMATCH', file: 'disclosure.pdf' })]));

    // Nothing public: no list entry, no publication (so no page, JSON or file), the budget still approved.
    expect(await publicList(2021)).toEqual([]);
    expect(await count(`SELECT count(*)::int AS n FROM publications WHERE budget_id = $1`, budget.id)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM publication_files f JOIN publications p ON p.id = f.publication_id WHERE p.budget_id = $1`, budget.id)).toBe(0);
    const view = await t.http().get(`/api/budgets/${budget.id}`).set(people.publisher.headers).expect(200);
    expect((view.body as { state: string }).state).toBe('approved');
    // The revision's files stay private: nobody signed out reads them.
    await t.http().get(files.items[0]?.url ?? '').expect(401);

    // The jobs then tell the publisher (the approval's own render finds the check made and renders nothing more).
    const jobs = startTestJobs(driver, { dataSource: t.dataSource, prefix });
    try {
      await waitFor('the notices', async () => (await count(`SELECT count(*)::int AS n FROM outbox WHERE done_at IS NULL AND payload->>'budgetId' = $1`, budget.id)) === 0, 120_000);
    } finally {
      await stopTestJobs(jobs, prefix);
    }
    expect(await count(`SELECT count(*)::int AS n FROM revision_files WHERE budget_id = $1`, budget.id)).toBe(17);
    const notices = await t.http().get('/api/notifications').set(people.publisher.headers).expect(200);
    const told = (notices.body as { items: { budgetId: string; action: string; reason: string | null }[] }).items.filter((n) => n.budgetId === budget.id && n.action === 'render-check-failed');
    expect(told).toHaveLength(1);
    expect(told[0]?.reason).toContain('disclosure.pdf');
  });

  it('a check that passes: the page, the JSON, every file and the list entry appear in the one publish, never one without the others', async () => {
    const budget = await approved(2020);
    const files = await rendered(budget.id);
    expect(files.check).toEqual({ passed: true, problems: [] });
    expect(await publicList(2020)).toEqual([]);

    // Readers poll the public side while the publisher publishes: each look sees all or nothing.
    let publishing = true;
    const looks: string[] = [];
    const reader = (async () => {
      while (publishing) {
        const items = await publicList(2020);
        if (items.length === 0) looks.push('nothing');
        for (const item of items) {
          const page = await t.http().get(`/api/public/disclosures/${item.id}`);
          looks.push(`${page.status}, ${(page.body as TPublication).files.length} files`);
        }
      }
    })();
    const published = await publish(budget.id).expect(200);
    publishing = false;
    await reader;
    expect(looks.filter((l) => l !== 'nothing' && l !== '200, 17 files')).toEqual([]);

    const publicationId = (published.body as { publication: { id: string } }).publication.id;
    expect((await publicList(2020)).map((p) => p.id)).toEqual([publicationId]);
    const page = (await t.http().get(`/api/public/disclosures/${publicationId}`).expect(200)).body as TPublication;
    expect(page.files).toHaveLength(17);
    // The published files are the revision's, rendered once at approval: the same names, sizes and sha256.
    const key = (f: { name: string; size: number; sha256: string }) => `${f.name} ${f.size} ${f.sha256}`;
    expect(page.files.map(key).sort()).toEqual(files.items.map(key).sort());
    for (const file of page.files) {
      const res = await t.http().get(file.url).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(createHash('sha256').update(res.body as Buffer).digest('hex')).toBe(file.sha256);
    }
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'budget.render-publication' AND payload->>'budgetId' = $1`, budget.id)).toBe(0);
  });
});
