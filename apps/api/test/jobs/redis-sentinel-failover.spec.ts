import { Redis } from 'ioredis';
import { JobRuntime } from '../../src/queue/job-runtime';
import { jobHandlers } from '../../src/queue/job-handlers';
import { createSeededBudget } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { testQueuePrefix, waitFor } from './jobs-fixtures';
import { freePort, startRedisServer, startSentinel, type TRedisServer } from './redis-servers';

const MASTER_NAME = 'bf-test';
const LINE = { id: 'FAILOVER', unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation' };

/**
 * Redis with Sentinel, on servers of the test's own: a master, its replica and a sentinel. The master
 * is killed (SIGKILL) while jobs flow; the sentinel promotes the replica, the API and the workers
 * follow it through REDIS_SENTINELS, and every job of the outbox is done — those the dead master
 * held but never replicated included, re-enqueued by the reconciler.
 */
describe('Redis behind Sentinel: a failover loses no job', () => {
  const prefix = testQueuePrefix();
  const servers: TRedisServer[] = [];
  let master: TRedisServer;
  let replica: TRedisServer;
  let sentinel: TRedisServer;
  let t: TTestApp;
  let jobs: JobRuntime;
  let preparer: TSignedIn;
  let budget: { id: string; version: number };

  beforeAll(async () => {
    master = await startRedisServer([], await freePort());
    servers.push(master);
    replica = await startRedisServer(['--replicaof', '127.0.0.1', String(master.port)], await freePort());
    servers.push(replica);
    sentinel = await startSentinel(await freePort(), MASTER_NAME, master.port);
    servers.push(sentinel);
    t = await createTestApp({ env: { JOBS_DRIVER: 'redis', QUEUE_PREFIX: prefix, REDIS_SENTINELS: `127.0.0.1:${sentinel.port}`, REDIS_SENTINEL_MASTER: MASTER_NAME } });
    expect(t.config.redis).toEqual({ kind: 'sentinel', url: 'redis://127.0.0.1:6379', sentinels: [{ host: '127.0.0.1', port: sentinel.port }], masterName: MASTER_NAME });
    // The deployment's runtime on the sentinel's master, its reconciler quick so the test waits little.
    jobs = JobRuntime.start({ dataSource: t.dataSource, redisUrl: t.config.redisUrl, redis: t.config.redis, prefix, handlers: jobHandlers(t.dataSource), relayIntervalMs: 100, reconcileIntervalMs: 500, reconcileAfterSeconds: 2, log: () => undefined });
    preparer = await t.login('preparer');
    budget = await createSeededBudget(t, preparer);
  }, 90_000);

  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
    for (const server of servers) await server.stop();
  }, 60_000);

  async function edit(k: number): Promise<void> {
    const res = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version: budget.version, upsertExpenditure: [{ ...LINE, amount: `${k}.00` }] });
    expect(res.status).toBe(200);
    budget = { id: budget.id, version: Number(res.body.version) };
  }

  async function undoneTotals(): Promise<number> {
    const [row] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'budget.totals' AND done_at IS NULL`)) as { n: number }[];
    return row?.n ?? -1;
  }

  it('every edit made before, during and after the master dies has its totals job done, on the promoted replica', async () => {
    for (let k = 1; k <= 10; k += 1) await edit(k);
    await waitFor('the jobs before the failover', async () => (await undoneTotals()) === 0, 60_000);
    // Written while Redis is away: the API answers and the outbox keeps them.
    for (let k = 11; k <= 15; k += 1) await edit(k);
    await master.kill();
    for (let k = 16; k <= 25; k += 1) await edit(k);

    const asked = new Redis({ port: sentinel.port, host: '127.0.0.1' });
    try {
      await waitFor('the sentinel to promote the replica', async () => {
        const address = (await asked.call('SENTINEL', 'get-master-addr-by-name', MASTER_NAME)) as [string, string] | null;
        return address?.[1] === String(replica.port);
      }, 60_000);
    } finally {
      asked.disconnect();
    }
    for (let k = 26; k <= 30; k += 1) await edit(k);

    await waitFor('every totals job', async () => (await undoneTotals()) === 0, 120_000);
    const [counts] = (await t.dataSource.query(`SELECT count(*)::int AS rows, count(done_at)::int AS done FROM outbox WHERE topic = 'budget.totals'`)) as { rows: number; done: number }[];
    // The import and the 30 edits, each with its job done.
    expect(counts).toEqual({ rows: 31, done: 31 });
    // The derivation is the last version's: the jobs after the failover ran, on the new master.
    const [derived] = (await t.dataSource.query(`SELECT version FROM budget_derivations WHERE budget_id = $1`, [budget.id])) as { version: number }[];
    expect(derived?.version).toBe(budget.version);
    const promoted = new Redis({ port: replica.port, host: '127.0.0.1' });
    try {
      expect(await promoted.call('ROLE')).toEqual(expect.arrayContaining(['master']));
      expect((await promoted.keys(`${prefix}:totals:*`)).length).toBeGreaterThan(0);
    } finally {
      promoted.disconnect();
    }
    // The API's own connection (health, dashboards) finds the new master too.
    await waitFor('the API to reach the new master', async () => (await t.http().get('/api/health')).body.redis === 'ok', 60_000);
  }, 240_000);
});
