import { Client } from 'pg';
import { PublicationFilesRepository } from '../../src/modules/publications/publication-files.repository';
import { APPROVAL, createSeededBudget, seedDocumentFor, signIn } from '../e2e/budget-test-kit';
import { call, conflictingEdits, racingDecisions } from '../integration/concurrency-stories';
import { expectRenderedOnce, undoneOutboxRows, waitFor } from '../jobs/jobs-fixtures';
import { startCluster, type TCluster } from './cluster-harness';

/**
 * Issue 14: Budgetflow as a province runs it, on one machine: three API processes behind a
 * round-robin proxy and two workers on one PostgreSQL and one Redis. The single-process stories
 * must hold when each request may land on another process, and a publication must complete
 * exactly once when an API and a worker are killed (SIGKILL) in the middle of it.
 */
describe('a cluster of 3 APIs and 2 workers', () => {
  let c: TCluster;

  beforeAll(async () => {
    c = await startCluster({ apis: 3, workers: 2 });
  }, 900_000);
  afterAll(() => c?.close(), 60_000);

  it('loses no accepted write among 1,000 conflicting edits spread over the APIs', async () => {
    await conflictingEdits(c, 2020);
    // Each API took its share: the proxy did spread the load.
    for (const api of c.apis) expect(c.proxy.sent.get(api.port)).toBeGreaterThan(100);
  }, 900_000);

  it('has exactly one winner in each of 200 rounds of simultaneous approve and return on different APIs', () => racingDecisions(c, 2021), 900_000);

  it('publishes exactly once when a worker and an API are killed while they render it', async () => {
    // The other department's budget, so that the stories above (the home department's 2020 and 2021) are not in its way.
    const { preparer2: preparer, reviewer2, publisher2: publisher } = await signIn(c, 'preparer2', 'reviewer2', 'publisher2');
    const budget = await createSeededBudget(c, preparer, 2020, seedDocumentFor(c.people.departments.other));
    expect((await call(c, preparer, 'POST', `/api/budgets/${budget.id}/submit`, {})).status).toBe(200);

    // Holding the revision files' table stops whoever renders the revision (the worker's job after
    // the approval, or the publish that finds no files yet) inside its storing transaction.
    const holder = new Client({ connectionString: c.db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE revision_files IN SHARE ROW EXCLUSIVE MODE');
    /** The process (by its pid, which the application name carries) whose connection waits on the table. */
    const blockedProcess = async (kind: 'budgetflow-api' | 'budgetflow-worker'): Promise<number> => {
      let pid = 0;
      await waitFor(
        `a ${kind} to wait on the revision files`,
        async () => {
          const rows: { name: string }[] = await c.dataSource.query(
            `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE l.relation = 'revision_files'::regclass AND NOT l.granted AND a.application_name LIKE $1`,
            [`${kind}:%`],
          );
          pid = Number(rows[0]?.name.split(':')[1] ?? 0);
          return pid > 0;
        },
        120_000,
      );
      return pid;
    };
    const killed: number[] = [];
    try {
      expect((await call(c, reviewer2, 'POST', `/api/budgets/${budget.id}/approve`, APPROVAL)).status).toBe(200);
      const workerPid = await blockedProcess('budgetflow-worker');
      const worker = c.workers.find((w) => w.child.pid === workerPid);
      expect(worker).toBeDefined();
      await worker?.kill();
      killed.push(workerPid);

      const key = 'cluster-publish-0001';
      const publishing = call(c, publisher, 'POST', `/api/budgets/${budget.id}/publish`, {}, { 'Idempotency-Key': key });
      const apiPid = await blockedProcess('budgetflow-api');
      const api = c.apis.find((a) => a.child.pid === apiPid);
      expect(api).toBeDefined();
      await api?.kill();
      killed.push(apiPid);
      // The proxy tells the publisher its API went away; nothing says the publication happened.
      expect((await publishing).status).toBe(502);
      expect(await c.dataSource.query(`SELECT id FROM publications WHERE budget_id = $1`, [budget.id])).toEqual([]);

      await holder.query('ROLLBACK');
      // The publisher tries again with the same key, and reaches an API that is left.
      const retried = await call(c, publisher, 'POST', `/api/budgets/${budget.id}/publish`, {}, { 'Idempotency-Key': key });
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ state: 'published' });
    } finally {
      await holder.end();
    }
    expect(killed).toHaveLength(2);

    // The worker left takes up the killed one's jobs once their lock runs out; each acts once.
    await waitFor('every job to be done', async () => (await undoneOutboxRows(c.dataSource)) === 0, 180_000);
    const publications: { id: string }[] = await c.dataSource.query(`SELECT id FROM publications WHERE budget_id = $1`, [budget.id]);
    expect(publications).toHaveLength(1);
    const publicationId = publications[0]?.id ?? '';
    const audited: { n: number }[] = await c.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE budget_id = $1 AND action = 'budget.publish'`, [budget.id]);
    expect(audited[0]?.n).toBe(1);
    const checks: { n: number }[] = await c.dataSource.query(`SELECT count(*)::int AS n FROM revision_checks WHERE budget_id = $1`, [budget.id]);
    expect(checks[0]?.n).toBe(1);
    await expectRenderedOnce({ ds: c.dataSource, files: new PublicationFilesRepository() }, publicationId);
    // And the public reads it, from whichever API is asked.
    for (let i = 0; i < c.apis.length; i++) {
      const page = await c.http().get(`/api/public/disclosures/${publicationId}`).expect(200);
      expect(page.body).toMatchObject({ id: publicationId });
    }
  }, 600_000);
});
