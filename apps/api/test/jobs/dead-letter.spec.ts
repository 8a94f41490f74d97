import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis } from '../../src/queue/redis-connection';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { testQueuePrefix, waitFor, wipeRedisPrefix } from './jobs-fixtures';

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
    await t.http().post('/api/admin/jobs/notifications/outbox-42/retry').set(csrf).expect(204);
    expect(await (await queue.getJob('outbox-42'))?.getState()).toBe('waiting');
    expect((await t.http().get('/api/admin/jobs/failed').set(admin.headers).expect(200)).body.items).toEqual([]);
  });
});
