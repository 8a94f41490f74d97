import { Redis } from 'ioredis';
import { JobRuntime } from '../../src/queue/job-runtime';
import { jobHandlers } from '../../src/queue/job-handlers';
import { createSeededBudget } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { failoverEdits, type TFailoverEdits } from './failover-edits';
import { tearDownWithin, testQueuePrefix, waitFor } from './jobs-fixtures';
import { freePort, startRedisServer, startSentinel, type TRedisServer } from './redis-servers';

const MASTER_NAME = 'bf-test';
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
  let edits: TFailoverEdits;

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
    edits = failoverEdits(t, preparer, await createSeededBudget(t, preparer));
  }, 90_000);

  afterAll(
    () =>
      tearDownWithin(60_000, [
        ['the job runtime', async () => jobs?.stop()],
        ['the app', async () => t?.close()],
        ['the Redis servers', async () => Promise.all(servers.map((server) => server.stop()))],
      ]),
    300_000,
  );

  it('every edit made before, during and after the master dies has its totals job done, on the promoted replica', async () => {
    for (let k = 1; k <= 10; k += 1) await edits.edit(k);
    await waitFor('the jobs before the failover', async () => (await edits.undone()) === 0, 60_000);
    // Written while Redis is away: the API answers and the outbox keeps them.
    for (let k = 11; k <= 15; k += 1) await edits.edit(k);
    await master.kill();
    for (let k = 16; k <= 25; k += 1) await edits.edit(k);

    const asked = new Redis({ port: sentinel.port, host: '127.0.0.1' });
    try {
      await waitFor('the sentinel to promote the replica', async () => {
        const address = (await asked.call('SENTINEL', 'get-master-addr-by-name', MASTER_NAME)) as [string, string] | null;
        return address?.[1] === String(replica.port);
      }, 60_000);
    } finally {
      asked.disconnect();
    }
    for (let k = 26; k <= 30; k += 1) await edits.edit(k);

    // The import and the 30 edits, each with its job done.
    await edits.expectAllDone(31);
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
