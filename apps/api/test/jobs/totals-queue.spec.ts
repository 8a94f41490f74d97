import { ZBudgetDocument } from '@budgetflow/domain';
import { deriveAll } from '../../src/modules/budgets/budget-derivation.service';
import type { TJobDriver } from '../../src/queue/job-driver';
import { createSeededBudget } from '../e2e/budget-test-kit';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { JOB_DRIVERS, outcomesOf, startTestJobs, stopTestJobs } from './job-drivers';
import { testQueuePrefix, waitFor } from './jobs-fixtures';

describe.each(JOB_DRIVERS)('the totals queue, jobs on %s', (driver) => {
  const prefix = testQueuePrefix();
  let t: TTestApp;
  let jobs: TJobDriver;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_DRIVER: driver, QUEUE_PREFIX: prefix } });
    jobs = startTestJobs(driver, { dataSource: t.dataSource, prefix });
  });

  afterAll(async () => {
    await stopTestJobs(jobs, prefix);
    await t.close();
  });

  it('a burst of 100 edits ends in one current derivation, equal to one from scratch, for a few recomputes', async () => {
    const preparer = await t.login('preparer');
    const budget = await createSeededBudget(t, preparer);
    const line = { id: 'BURST', unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation' };
    let version = budget.version;
    for (let k = 1; k <= 100; k += 1) {
      const res = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version, upsertExpenditure: [{ ...line, amount: `${k}.01` }] }).expect(200);
      version = Number(res.body.version);
    }
    await waitFor('every totals job', async () => {
      const [{ undone }] = await t.dataSource.query(`SELECT count(*)::int AS undone FROM outbox WHERE topic = 'budget.totals' AND done_at IS NULL`);
      return undone === 0;
    }, 60_000);

    const [stored] = await t.dataSource.query(`SELECT version, payload FROM budget_derivations WHERE budget_id = $1`, [budget.id]);
    expect(stored.version).toBe(version);
    const exported = await t.http().get(`/api/budgets/${budget.id}/document`).set(preparer.headers).expect(200);
    const fromScratch = JSON.parse(JSON.stringify(deriveAll(ZBudgetDocument.parse(exported.body), version)));
    expect(JSON.parse(stored.payload)).toEqual(fromScratch);
    expect(JSON.stringify(fromScratch)).toContain('100.01');

    const outcomes = await outcomesOf(jobs, t.dataSource, 'budget.totals');
    // One job per edit: the import and the 100 patches.
    expect(outcomes).toHaveLength(101);
    const recomputes = outcomes.filter((o) => o.startsWith('recomputed'));
    expect(recomputes.length).toBeGreaterThanOrEqual(1);
    // the import's job and the last edit's at most: every other was superseded or found the derivation current
    expect(recomputes.length).toBeLessThanOrEqual(2);
  });

  it("lists the budget's jobs and their state to whoever may read it, to nobody else", async () => {
    const preparer = await t.login('preparer');
    const [{ id }] = await t.dataSource.query(`SELECT id FROM budgets ORDER BY created_at LIMIT 1`);
    const res = await t.http().get(`/api/budgets/${String(id)}/jobs`).set(preparer.headers).expect(200);
    expect(res.body.items).toHaveLength(50);
    expect(res.body.items[0]).toEqual(expect.objectContaining({ topic: 'budget.totals', state: 'done' }));
    const newestFirst = (res.body.items as { id: string }[]).map((j) => Number(j.id));
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));
    await t.http().get(`/api/budgets/${String(id)}/jobs`).set((await t.login('preparer2')).headers).expect(404);
    await t.http().get(`/api/budgets/${String(id)}/jobs`).expect(401);
  });

  it('streams the jobs as server-sent events, first at once, to whoever may read the budget', async () => {
    const preparer = await t.login('preparer');
    const [{ id }] = await t.dataSource.query(`SELECT id FROM budgets ORDER BY created_at LIMIT 1`);
    const controller = new AbortController();
    const res = await fetch(`${t.baseUrl}/api/budgets/${String(id)}/events`, { headers: preparer.headers, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body?.getReader();
    let text = '';
    while (reader !== undefined && !text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toMatch(/^event: jobs\n/m);
    const data = /^data: (.*)$/m.exec(text)?.[1] ?? '';
    expect((JSON.parse(data) as { items: { state: string }[] }).items[0]).toEqual(expect.objectContaining({ topic: 'budget.totals', state: 'done' }));
    await t.http().get(`/api/budgets/${String(id)}/events`).set((await t.login('preparer2')).headers).expect(404);
    await t.http().get(`/api/budgets/${String(id)}/events`).expect(401);
  });
});
