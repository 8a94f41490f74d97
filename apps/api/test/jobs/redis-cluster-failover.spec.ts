import { Redis } from 'ioredis';
import { JobRuntime } from '../../src/queue/job-runtime';
import { jobHandlers } from '../../src/queue/job-handlers';
import { createSeededBudget } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { failoverEdits, type TFailoverEdits } from './failover-edits';
import { tearDownWithin, testQueuePrefix, waitFor } from './jobs-fixtures';
import { startRedisCluster, type TRedisCluster } from './redis-servers';

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
  let edits: TFailoverEdits;

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    t = await createTestApp({ env: { JOBS_DRIVER: 'redis', QUEUE_PREFIX: prefix, REDIS_CLUSTER_NODES: cluster.nodeList } });
    expect(t.config.queuePrefix).toBe(`{${prefix}}`);
    jobs = JobRuntime.start({ dataSource: t.dataSource, redisUrl: t.config.redisUrl, redis: t.config.redis, prefix: t.config.queuePrefix, handlers: jobHandlers(t.dataSource), relayIntervalMs: 100, reconcileIntervalMs: 500, reconcileAfterSeconds: 2, reviveAfterSeconds: 10, log: () => undefined });
    preparer = await t.login('preparer');
    edits = failoverEdits(t, preparer, await createSeededBudget(t, preparer));
  }, 120_000);

  afterAll(
    () =>
      tearDownWithin(60_000, [
        ['the job runtime', async () => jobs?.stop()],
        ['the app', async () => t?.close()],
        ['the cluster', async () => cluster?.stop()],
      ]),
    300_000,
  );

  it("runs every edit's totals job before, during and after the failover of the master that holds the queues", async () => {
    for (let k = 1; k <= 10; k += 1) await edits.edit(k);
    await waitFor('the jobs before the failover', async () => (await edits.undone()) === 0, 60_000);

    const first = cluster.nodes[0];
    const probe = new Redis({ port: first?.port ?? 0, host: '127.0.0.1' });
    const slot = Number(await probe.call('CLUSTER', 'KEYSLOT', prefix));
    probe.disconnect();
    const masterPort = await cluster.masterOf(slot);
    // Every key of the queues is in that slot, on that master.
    const onMaster = new Redis({ port: masterPort, host: '127.0.0.1' });
    expect((await onMaster.keys(`{${prefix}}:*`)).length).toBeGreaterThan(0);
    onMaster.disconnect();

    for (let k = 11; k <= 15; k += 1) await edits.edit(k);
    await cluster.nodes.find((n) => n.port === masterPort)?.kill();
    for (let k = 16; k <= 25; k += 1) await edits.edit(k);
    await waitFor('the replica to take the slot over', async () => (await cluster.masterOf(slot)) !== masterPort, 60_000);
    for (let k = 26; k <= 30; k += 1) await edits.edit(k);

    // The import and the 30 edits, each with its job done.
    await edits.expectAllDone(31);
    await waitFor('the API to reach the cluster again', async () => (await t.http().get('/api/health')).body.redis === 'ok', 60_000);
  }, 300_000);
});
