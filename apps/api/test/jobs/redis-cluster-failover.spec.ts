import { Redis } from 'ioredis';
import { JobRuntime } from '../../src/queue/job-runtime';
import { jobHandlers } from '../../src/queue/job-handlers';
import { createSeededBudget } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { testQueuePrefix, waitFor } from './jobs-fixtures';
import { startRedisCluster, type TRedisCluster } from './redis-servers';

const LINE = { id: 'CLUSTER', unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation' };

/**
 * Redis Cluster, on servers of the test's own: three masters with a replica each. The queues live
 * under the hash-tagged prefix `{QUEUE_PREFIX}`, so in one slot; the master serving that slot is
 * killed (SIGKILL) while jobs flow, the cluster fails over to its replica, and every job of the
 * outbox is done, those the dead master held included.
 */
describe('Redis Cluster: the queues in one slot, and a failover of its master loses no job', () => {
  const prefix = testQueuePrefix();
  let cluster: TRedisCluster;
  let t: TTestApp;
  let jobs: JobRuntime;
  let preparer: TSignedIn;
  let budget: { id: string; version: number };

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    t = await createTestApp({ env: { JOBS_DRIVER: 'redis', QUEUE_PREFIX: prefix, REDIS_CLUSTER_NODES: cluster.nodeList } });
    expect(t.config.queuePrefix).toBe(`{${prefix}}`);
    jobs = JobRuntime.start({ dataSource: t.dataSource, redisUrl: t.config.redisUrl, redis: t.config.redis, prefix: t.config.queuePrefix, handlers: jobHandlers(t.dataSource), relayIntervalMs: 100, reconcileIntervalMs: 500, reconcileAfterSeconds: 2, log: () => undefined });
    preparer = await t.login('preparer');
    budget = await createSeededBudget(t, preparer);
  }, 120_000);

  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
    await cluster?.stop();
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

  it("runs every edit's totals job before, during and after the failover of the master that holds the queues", async () => {
    for (let k = 1; k <= 10; k += 1) await edit(k);
    await waitFor('the jobs before the failover', async () => (await undoneTotals()) === 0, 60_000);

    const first = cluster.nodes[0];
    const probe = new Redis({ port: first?.port ?? 0, host: '127.0.0.1' });
    const slot = Number(await probe.call('CLUSTER', 'KEYSLOT', prefix));
    probe.disconnect();
    const masterPort = await cluster.masterOf(slot);
    // Every key of the queues is in that slot, on that master.
    const onMaster = new Redis({ port: masterPort, host: '127.0.0.1' });
    expect((await onMaster.keys(`{${prefix}}:*`)).length).toBeGreaterThan(0);
    onMaster.disconnect();

    for (let k = 11; k <= 15; k += 1) await edit(k);
    await cluster.nodes.find((n) => n.port === masterPort)?.kill();
    for (let k = 16; k <= 25; k += 1) await edit(k);
    await waitFor('the replica to take the slot over', async () => (await cluster.masterOf(slot)) !== masterPort, 60_000);
    for (let k = 26; k <= 30; k += 1) await edit(k);

    await waitFor('every totals job', async () => (await undoneTotals()) === 0, 120_000);
    const [counts] = (await t.dataSource.query(`SELECT count(*)::int AS rows, count(done_at)::int AS done FROM outbox WHERE topic = 'budget.totals'`)) as { rows: number; done: number }[];
    // The import and the 30 edits, each with its job done.
    expect(counts).toEqual({ rows: 31, done: 31 });
    const [derived] = (await t.dataSource.query(`SELECT version FROM budget_derivations WHERE budget_id = $1`, [budget.id])) as { version: number }[];
    expect(derived?.version).toBe(budget.version);
    await waitFor('the API to reach the cluster again', async () => (await t.http().get('/api/health')).body.redis === 'ok', 60_000);
  }, 300_000);
});
