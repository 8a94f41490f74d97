import { Client } from 'pg';
import { APPROVAL, createSeededBudget, signIn } from '../e2e/budget-test-kit';
import { waitFor } from '../jobs/jobs-fixtures';
import { startReplicatedPostgres, type TReplicatedPostgres } from '../utils/postgres-servers';
import { createTestApp, type TTestApp } from '../utils/test-app';

/**
 * Issue 14: the public's reads (disclosures, the portal, open data) go to a streaming replica
 * (DATABASE_REPLICA_URL) while it is no further behind than REPLICA_MAX_LAG_MS, and to the primary
 * otherwise; the workflow always reads the primary. A primary and its replica of our own
 * (initdb, pg_basebackup -R) on ports of their own; replay paused on the replica makes it stale.
 */
describe('the public reads on a read replica', () => {
  let pg: TReplicatedPostgres;
  /** Takes the replica as long as it is at most 10 minutes behind: through this test, a paused replica still serves. */
  let patient: TTestApp;
  /** Takes the replica only within 300 ms of the primary. */
  let strict: TTestApp;

  const onReplica = async <T>(sql: string): Promise<T[]> => {
    const client = new Client({ connectionString: pg.replica.url('postgres') });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const health = async (t: TTestApp): Promise<string | undefined> => ((await t.http().get('/api/health').expect(200)).body as { replica?: string }).replica;
  /** The seed's budget of `fiscalYear` carried to publication over HTTP: its budget and publication ids. */
  const publish = async (t: TTestApp, fiscalYear: number): Promise<{ budgetId: string; publicationId: string }> => {
    const { preparer, reviewer2, publisher } = await signIn(t, 'preparer', 'reviewer2', 'publisher');
    const budget = await createSeededBudget(t, preparer, fiscalYear);
    await t.http().post(`/api/budgets/${budget.id}/submit`).set(preparer.headers).send({}).expect(200);
    await t.http().post(`/api/budgets/${budget.id}/approve`).set(reviewer2.headers).send(APPROVAL).expect(200);
    await t.http().post(`/api/budgets/${budget.id}/publish`).set(publisher.headers).send({}).expect(200);
    const rows: { id: string }[] = await t.dataSource.query(`SELECT id FROM publications WHERE budget_id = $1`, [budget.id]);
    return { budgetId: budget.id, publicationId: rows[0]?.id ?? '' };
  };
  const listed = async (t: TTestApp, year: number): Promise<string[]> =>
    ((await t.http().get(`/api/public/disclosures?year=${year}`).expect(200)).body as { items: { id: string }[] }).items.map((i) => i.id);

  beforeAll(async () => {
    pg = await startReplicatedPostgres();
    const servers = { server: pg.primary.url('postgres'), replicaServer: pg.replica.url('postgres') };
    patient = await createTestApp({ ...servers, env: { REPLICA_MAX_LAG_MS: '600000' } });
    strict = await createTestApp({ ...servers, env: { REPLICA_MAX_LAG_MS: '300' } });
  }, 120_000);
  afterAll(async () => {
    await patient?.close();
    await strict?.close();
    await pg?.stop();
  }, 60_000);

  it('answers the public from the replica, even stale within its bound, and the workflow from the primary', async () => {
    const first = await publish(patient, 2020);
    await waitFor('the replica to be used', async () => (await health(patient)) === 'used', 60_000);
    await waitFor('the publication on the replica', async () => (await listed(patient, 2020)).includes(first.publicationId), 60_000);

    await onReplica(`SELECT pg_wal_replay_pause()`);
    const second = await publish(patient, 2021);
    // The list comes from the replica, which has not replayed the second publication.
    expect(await listed(patient, 2021)).toEqual([]);
    expect(await health(patient)).toBe('used');
    // A disclosure asked for by its id is found on the primary when the replica lacks it: nobody is told 404 for what was just published.
    const page = await patient.http().get(`/api/public/disclosures/${second.publicationId}`).expect(200);
    expect(page.body).toMatchObject({ id: second.publicationId, fiscalYear: 2021 });
    // The workflow reads the primary: the publisher sees the budget published.
    const { publisher } = await signIn(patient, 'publisher');
    const budget = await patient.http().get(`/api/budgets/${second.budgetId}`).set(publisher.headers).expect(200);
    expect(budget.body).toMatchObject({ state: 'published' });
  }, 180_000);

  it('leaves a replica further behind than the bound to the primary', async () => {
    // Replay is still paused: the primary's writes put the replica behind.
    const published = await publish(strict, 2020);
    await waitFor('the replica to be taken as behind', async () => (await health(strict)) === 'behind', 60_000);
    expect(await listed(strict, 2020)).toEqual([published.publicationId]);
  }, 180_000);

  it('serves from the primary when the replica goes away, and says so', async () => {
    await onReplica(`SELECT pg_wal_replay_resume()`);
    await pg.replica.stop();
    // The first read after it went away is answered by the primary all the same.
    expect((await listed(patient, 2021)).length).toBe(1);
    await waitFor('the replica to be reported down', async () => (await health(patient)) === 'down', 60_000);
    expect((await listed(patient, 2021)).length).toBe(1);
  }, 120_000);
});
