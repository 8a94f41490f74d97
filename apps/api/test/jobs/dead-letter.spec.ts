import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { OutboxClaims } from '../../src/queue/in-process/outbox-claims';
import { outboxJobId } from '../../src/queue/job-registry';
import { createRedis } from '../../src/queue/redis-connection';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { insertOutbox, testQueuePrefix, waitFor, wipeRedisPrefix } from './jobs-fixtures';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = testQueuePrefix();
let t: TTestApp;
let redis: Redis;
let queue: Queue;

beforeAll(async () => {
  t = await createTestApp({ env: { QUEUE_PREFIX: prefix } });
  redis = createRedis(REDIS_URL);
  queue = new Queue('notifications', { connection: redis, prefix });
  // A job that fails on every attempt ends in the failed set: the dead-letter list. The worker shares the
  // queue's connection: BullMQ never closes a connection it was handed, so one of its own would outlive the run.
  const worker = new Worker('notifications', () => Promise.reject(new Error('mail server said no')), { connection: redis, prefix });
  await queue.add('notify', { outboxId: '42', topic: 'budget.notify', payload: {} }, { jobId: 'outbox-42', attempts: 2, backoff: { type: 'fixed', delay: 10 } });
  await waitFor('the job to fail for good', async () => (await queue.getFailedCount()) === 1);
  await worker.close();
});

afterAll(async () => {
  await queue.close();
  redis.disconnect();
  await wipeRedisPrefix(REDIS_URL, prefix);
  await t.close();
});

/** The audit's record of administrators' retries. */
async function retriesAudited(app: TTestApp): Promise<{ actor: string; entity_id: string }[]> {
  return app.dataSource.query(`SELECT actor, entity_id FROM audit_log WHERE action = 'job.retry' ORDER BY id`);
}

describe('the dead-letter list', () => {
  it('shows administrators the jobs that ran out of retries, and only them', async () => {
    const admin = await t.login('admin');
    const res = await t.http().get('/api/admin/jobs/failed').set(admin.headers).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ queue: 'notifications', id: 'outbox-42', name: 'notify', failedReason: 'mail server said no', attemptsMade: 2, outboxId: '42' }),
    ]);
    const reviewer = await t.login('reviewer');
    await t.http().get('/api/admin/jobs/failed').set(reviewer.headers).expect(403);
    await t.http().get('/api/admin/jobs/failed').expect(401);
  });

  it('lets an administrator send a failed job back to its queue', async () => {
    const admin = await t.login('admin');
    const csrf = { ...admin.headers, 'X-CSRF-Token': admin.csrfToken };
    await t.http().post('/api/admin/jobs/notifications/outbox-41/retry').set(csrf).expect(404);
    await t.http().post('/api/admin/jobs/nowhere/outbox-42/retry').set(csrf).expect(404);
    expect(await retriesAudited(t)).toEqual([]);
    await t.http().post('/api/admin/jobs/notifications/outbox-42/retry').set(csrf).expect(204);
    expect(await (await queue.getJob('outbox-42'))?.getState()).toBe('waiting');
    expect(await retriesAudited(t)).toEqual([{ actor: 'admin', entity_id: 'notifications/outbox-42' }]);
    expect((await t.http().get('/api/admin/jobs/failed').set(admin.headers).expect(200)).body.items).toEqual([]);
  });
});

describe('the dead-letter list, jobs in process', () => {
  let app: TTestApp;

  beforeAll(async () => {
    app = await createTestApp({ env: { JOBS_DRIVER: 'in-process', REDIS_URL: 'redis://127.0.0.1:1' } });
  });

  afterAll(() => app.close());

  it('lists the outbox rows out of attempts as BullMQ names its jobs, and sends one back for a full round of attempts', async () => {
    const claims = new OutboxClaims(app.dataSource);
    const dead = await insertOutbox(app.dataSource, 'budget.notify', { budgetId: '00000000-0000-4000-8000-000000000001' });
    const retrying = await insertOutbox(app.dataSource, 'budget.notify', { budgetId: '00000000-0000-4000-8000-000000000001' });
    expect((await claims.claim(['budget.notify'], {}, 10, 60_000)).map((row) => row.id)).toEqual([dead, retrying]);
    await claims.fail(dead, 'mail server said no', true, 0);
    await claims.fail(retrying, 'mail server is starting', false, 60_000);

    const admin = await app.login('admin');
    const res = await app.http().get('/api/admin/jobs/failed').set(admin.headers).expect(200);
    expect(res.body.items).toEqual([
      { queue: 'notifications', id: outboxJobId(dead), name: 'notify', failedReason: 'mail server said no', attemptsMade: 1, failedAt: expect.any(String), outboxId: dead },
    ]);
    await app.http().get('/api/admin/jobs/failed').set((await app.login('reviewer')).headers).expect(403);

    const csrf = { ...admin.headers, 'X-CSRF-Token': admin.csrfToken };
    // Only a dead row, named by its own queue, goes back.
    await app.http().post(`/api/admin/jobs/notifications/${outboxJobId(retrying)}/retry`).set(csrf).expect(404);
    await app.http().post(`/api/admin/jobs/publication/${outboxJobId(dead)}/retry`).set(csrf).expect(404);
    await app.http().post(`/api/admin/jobs/notifications/outbox-${'9'.repeat(30)}/retry`).set(csrf).expect(404);
    expect(await retriesAudited(app)).toEqual([]);
    await app.http().post(`/api/admin/jobs/notifications/${outboxJobId(dead)}/retry`).set(csrf).expect(204);
    expect(await retriesAudited(app)).toEqual([{ actor: 'admin', entity_id: `notifications/${outboxJobId(dead)}` }]);
    const [row] = (await app.dataSource.query(`SELECT attempts, failed_at, done_at FROM outbox WHERE id = $1`, [dead])) as { attempts: number; failed_at: Date | null; done_at: Date | null }[];
    expect(row).toEqual({ attempts: 0, failed_at: null, done_at: null });
    expect((await app.http().get('/api/admin/jobs/failed').set(admin.headers).expect(200)).body.items).toEqual([]);
  });
});
