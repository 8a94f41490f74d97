import { ZBudgetJob, type TBudgetJob } from '@budgetflow/domain';
import type { TJobDriver } from '../../src/queue/job-driver';
import { JOB_ATTEMPTS } from '../../src/queue/job-options';
import { jobHandlers } from '../../src/queue/job-handlers';
import { outboxHandler, outboxJobId } from '../../src/queue/job-registry';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { JOB_DRIVERS, startTestJobs, stopTestJobs } from './job-drivers';
import { insertOutbox, testQueuePrefix, waitFor } from './jobs-fixtures';

/** A budget of the preparer's department, and a reader of its job list. */
async function budgetOf(t: TTestApp): Promise<{ preparer: TSignedIn; budgetId: string; jobOf: (outboxId: string) => Promise<TBudgetJob | undefined> }> {
  const preparer = await t.login('preparer');
  const created = await t.http().post('/api/budgets').set(preparer.headers).send({ fiscalYear: 2020 }).expect(201);
  const budgetId = String(created.body.id);
  const jobOf = async (outboxId: string): Promise<TBudgetJob | undefined> => {
    const res = await t.http().get(`/api/budgets/${budgetId}/jobs`).set(preparer.headers).expect(200);
    // Parsed with the schema the OpenAPI document gives the route: it describes the answer.
    return ZBudgetJob.array().parse(res.body.items).find((job) => job.id === outboxId);
  };
  return { preparer, budgetId, jobOf };
}

describe.each(JOB_DRIVERS)("a budget's jobs, run on %s", (driver) => {
  const prefix = testQueuePrefix();
  let t: TTestApp;
  let jobs: TJobDriver;
  /** What the notification job does on its next attempt: each test decides. */
  let attempt: (outboxId: string) => Promise<string>;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_DRIVER: driver, QUEUE_PREFIX: prefix } });
    const handlers = { ...jobHandlers(t.dataSource), notify: outboxHandler((data) => attempt(data.outboxId)) };
    jobs = startTestJobs(driver, { dataSource: t.dataSource, prefix, handlers });
  });

  afterAll(async () => {
    await stopTestJobs(jobs, prefix);
    await t.close();
  });

  it('shows a job out of attempts as failed with its reason, and done after an administrator retries it', async () => {
    const { budgetId, jobOf } = await budgetOf(t);
    attempt = () => Promise.reject(new Error('the mail server said no'));
    const outboxId = await insertOutbox(t.dataSource, 'budget.notify', { budgetId, action: 'submit', who: 'reviewers' });

    await waitFor('a first failed attempt', async () => ((await jobOf(outboxId))?.attempts ?? 0) >= 1);
    expect(await jobOf(outboxId)).toMatchObject({ state: 'queued', failedReason: 'the mail server said no', doneAt: null });
    await waitFor('the job to run out of attempts', async () => (await jobOf(outboxId))?.state === 'failed', 40_000);
    expect(await jobOf(outboxId)).toEqual({
      id: outboxId,
      topic: 'budget.notify',
      state: 'failed',
      createdAt: expect.any(String),
      doneAt: null,
      attempts: JOB_ATTEMPTS,
      failedReason: 'the mail server said no',
    });

    // The retry gets a full round of attempts again: one more failure does not end it.
    let failuresLeft = 1;
    attempt = async (id) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('the mail server is still starting');
      }
      await t.dataSource.query(`UPDATE outbox SET done_at = now() WHERE id = $1`, [id]);
      return 'sent';
    };
    const admin = await t.login('admin');
    await t.http().post(`/api/admin/jobs/notifications/${outboxJobId(outboxId)}/retry`).set({ ...admin.headers, 'X-CSRF-Token': admin.csrfToken }).expect(204);
    expect(['queued', 'done']).toContain((await jobOf(outboxId))?.state);
    await waitFor('the retried job to be done', async () => (await jobOf(outboxId))?.state === 'done');
    expect(await jobOf(outboxId)).toMatchObject({ state: 'done', doneAt: expect.any(String), failedReason: null });
    expect(failuresLeft).toBe(0);
  }, 90_000);
});

describe("a budget's jobs, without Redis", () => {
  let t: TTestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });

  afterAll(() => t.close());

  it('are listed from PostgreSQL alone, as it knows them', async () => {
    const { budgetId, jobOf } = await budgetOf(t);
    const waiting = await insertOutbox(t.dataSource, 'budget.notify', { budgetId });
    const queued = await insertOutbox(t.dataSource, 'budget.notify', { budgetId });
    const done = await insertOutbox(t.dataSource, 'budget.notify', { budgetId });
    await t.dataSource.query(`UPDATE outbox SET processed_at = now() WHERE id IN ($1, $2)`, [queued, done]);
    await t.dataSource.query(`UPDATE outbox SET done_at = now() WHERE id = $1`, [done]);

    const started = Date.now();
    expect(await jobOf(waiting)).toMatchObject({ state: 'waiting', attempts: 0, failedReason: null });
    expect(await jobOf(queued)).toMatchObject({ state: 'queued', attempts: 0, failedReason: null });
    expect(await jobOf(done)).toMatchObject({ state: 'done', attempts: 0, failedReason: null, doneAt: expect.any(String) });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
