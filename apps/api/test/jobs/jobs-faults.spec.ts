import { spawn, type ChildProcess } from 'node:child_process';
import { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { jobHandlers } from '../../src/queue/job-handlers';
import { JobRuntime } from '../../src/queue/job-runtime';
import { outboxJobId } from '../../src/queue/job-registry';
import { createRedis } from '../../src/queue/redis-connection';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { expectRenderedOnce, insertOutbox, insertPublishedBudget, openPublicationJobs, renderPublication, testQueuePrefix, undoneOutboxRows, waitFor, wipeRedisPrefix, type TPublicationJobs } from './jobs-fixtures';
import { startWorkerProcess } from './worker-process';

let t: TTestApp;
let jobs: TPublicationJobs;

beforeAll(async () => {
  t = await createTestApp();
  jobs = await openPublicationJobs(t.db.url);
});

afterAll(async () => {
  await jobs.ds.destroy();
  await t.close();
});

async function fileCount(publicationId: string): Promise<number> {
  return (await jobs.files.listFiles(jobs.ds.manager, publicationId)).length;
}

describe('a worker killed in the middle of a report', () => {
  const prefix = testQueuePrefix();
  let redis: Redis;
  let queue: Queue;

  beforeAll(() => {
    redis = createRedis(jobs.redisUrl);
    queue = new Queue('publication', { connection: redis, prefix });
  });

  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await wipeRedisPrefix(jobs.redisUrl, prefix);
  });

  it('produces the report exactly once after a restart, and never serves a half-written file', async () => {
    const published = await insertPublishedBudget(jobs.ds, t.people, jobs.disclosure, 2020);
    const outboxId = await renderPublication(jobs.ds, published);
    const env = { DATABASE_URL: t.db.url, REDIS_URL: jobs.redisUrl, QUEUE_PREFIX: prefix, JOB_LOCK_MS: '2000' };
    const first = await startWorkerProcess(env);
    await waitFor('the report to start', async () => (await (await Job.fromId(queue, outboxJobId(outboxId)))?.getState()) === 'active', 30_000);
    await first.kill();
    // Killed mid-report: nothing of it is visible.
    expect(await fileCount(published.publicationId)).toBe(0);

    const second = await startWorkerProcess(env);
    try {
      await waitFor('the report after the restart', async () => (await undoneOutboxRows(jobs.ds)) === 0, 60_000);
      // BullMQ records the completion after the job's commit; under load a lock renewal can be late and the job rerun.
      await waitFor('the job completed', async () => (await (await Job.fromId(queue, outboxJobId(outboxId)))?.getState()) === 'completed', 60_000);
    } finally {
      await second.stop();
    }
    await expectRenderedOnce(jobs, published.publicationId);
  }, 120_000);
});

describe('Redis stopped for 30 s while budgets are published', () => {
  const prefix = testQueuePrefix();
  const port = 16_400 + Math.floor(Math.random() * 500);
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;

  /** A Redis of this test's own on another port, without persistence: a restart forgets everything. */
  async function startRedis(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' });
    server = child;
    const probe = createRedis(url);
    probe.on('error', () => undefined);
    try {
      await waitFor('redis-server', async () => (await probe.ping().catch(() => '')) === 'PONG', 10_000);
    } finally {
      probe.disconnect();
    }
  }

  async function stopRedis(): Promise<void> {
    const child = server;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  afterAll(stopRedis);

  it('keeps the API answering, and runs every job once Redis is back: none lost, none twice', async () => {
    await startRedis();
    const runtime = JobRuntime.start({
      dataSource: jobs.ds,
      redisUrl: url,
      prefix,
      handlers: jobHandlers(jobs.ds),
      relayIntervalMs: 200,
      reconcileIntervalMs: 1000,
      reconcileAfterSeconds: 2,
      lockDurationMs: 2000,
      log: () => undefined,
    });
    try {
      await stopRedis();
      const downSince = Date.now();
      const publications: string[] = [];
      for (const year of [2021, 2022, 2023]) {
        const published = await insertPublishedBudget(jobs.ds, t.people, jobs.disclosure, year);
        publications.push(published.publicationId);
        await renderPublication(jobs.ds, published);
        await insertOutbox(jobs.ds, 'budget.notify', { budgetId: published.budgetId, action: 'publish', who: 'preparers' });
      }
      // While Redis is down the API answers as usual: nothing on its request path needs Redis.
      while (Date.now() - downSince < 30_000) {
        const started = Date.now();
        await t.http().get('/api/health').expect(200);
        expect(Date.now() - started).toBeLessThan(1000);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      expect(await undoneOutboxRows(jobs.ds)).toBe(6);

      await startRedis();
      await waitFor('every job', async () => (await undoneOutboxRows(jobs.ds)) === 0, 60_000);
      for (const id of publications) expect(await fileCount(id)).toBe(17);
      const notified: { n: number }[] = await jobs.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE action = 'publish'`);
      expect(notified[0]?.n).toBe(3);
    } finally {
      await runtime.stop();
    }
  }, 150_000);
});
