import { Client } from 'pg';
import { createTestDatabase, type TTestDatabase } from '../utils/test-database';
import { seedPeople, type TSeededPeople } from '../utils/seed-people';
import { expectRenderedOnce, insertPublishedBudget, openPublicationJobs, renderPublication, undoneOutboxRows, waitFor, type TPublicationJobs } from './jobs-fixtures';
import { runApiProcess, startApiProcess } from './worker-process';

/** Nothing listens on port 1: a machine without Redis. */
const NO_REDIS = 'redis://127.0.0.1:1';
let db: TTestDatabase;
let jobs: TPublicationJobs;
let people: TSeededPeople;

beforeAll(async () => {
  db = await createTestDatabase();
  jobs = await openPublicationJobs(db.url);
  people = await seedPeople(jobs.ds);
});

afterAll(async () => {
  await jobs.ds.destroy();
  await db.drop();
});

interface TRenderRow {
  attempts: number;
  leased: boolean;
  done: boolean;
  result: string | null;
}

async function rowOf(outboxId: string): Promise<TRenderRow | undefined> {
  const rows: TRenderRow[] = await jobs.ds.query(`SELECT attempts, locked_until IS NOT NULL AS leased, done_at IS NOT NULL AS done, result FROM outbox WHERE id = $1`, [outboxId]);
  return rows[0];
}

describe('the in-process jobs across a restart', () => {
  it('a process killed in the middle of rendering a publication leaves nothing, and the next one renders it exactly once', async () => {
    const published = await insertPublishedBudget(jobs.ds, people, jobs.disclosure, 2020);
    const outboxId = await renderPublication(jobs.ds, published);
    // Holding the table of outcomes stops the job inside its storing transaction, files rendered, nothing committed.
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE publication_checks IN SHARE ROW EXCLUSIVE MODE');
    // A short lease: the next process takes the killed one's row up soon after its lease runs out.
    const env = { DATABASE_URL: db.url, REDIS_URL: NO_REDIS, JOB_LOCK_MS: '2000' };
    const first = await startApiProcess('test/jobs/in-process-jobs-process.ts', env, '[jobs] ready');
    try {
      await waitFor(
        'the job to wait on its store',
        async () => {
          const rows: { n: number }[] = await jobs.ds.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'publication_checks'::regclass AND NOT granted`);
          return (rows[0]?.n ?? 0) > 0;
        },
        90_000,
      );
      expect(await rowOf(outboxId)).toEqual({ attempts: 1, leased: true, done: false, result: null });
    } finally {
      await first.kill();
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(await jobs.files.findCheck(jobs.ds.manager, published.publicationId)).toBeUndefined();

    const second = await startApiProcess('test/jobs/in-process-jobs-process.ts', env, '[jobs] ready');
    try {
      await waitFor('the job after the restart', async () => (await undoneOutboxRows(jobs.ds)) === 0, 90_000);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(await rowOf(outboxId)).toEqual({ attempts: 2, leased: false, done: true, result: 'published the revision files' });
    await expectRenderedOnce(jobs, published.publicationId);
  }, 240_000);
});

describe('a worker process without Redis', () => {
  it('refuses to start, says why and what to run instead, and exits non-zero', async () => {
    const { code, output } = await runApiProcess('src/worker.ts', { DATABASE_URL: db.url, REDIS_URL: NO_REDIS });
    expect(code).toBe(1);
    expect(output).toContain('[worker] Redis does not answer at redis://127.0.0.1:1 (REDIS_URL): a worker process needs Redis.');
    expect(output).toContain('`pnpm start`');
  }, 60_000);
});
