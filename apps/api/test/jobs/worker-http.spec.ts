import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TTestDatabase } from '../utils/test-database';
import { testQueuePrefix, wipeRedisPrefix } from './jobs-fixtures';
import { freePort } from './redis-servers';
import { startWorkerProcess, type TWorkerProcess } from './worker-process';

/** A worker's own port (WORKER_PORT): the probes' /api/health and Prometheus's /metrics, behind the token. */
describe('a worker process with WORKER_PORT', () => {
  const prefix = testQueuePrefix();
  const token = randomBytes(16).toString('hex');
  let db: TTestDatabase;
  let worker: TWorkerProcess;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = await startWorkerProcess({ DATABASE_URL: db.url, QUEUE_PREFIX: prefix, WORKER_PORT: String(port), METRICS_TOKEN: token });
  }, 90_000);

  afterAll(async () => {
    if (worker !== undefined) expect(await worker.stop()).toBe(0);
    await wipeRedisPrefix('redis://127.0.0.1:6379', prefix);
    await db?.drop();
  }, 60_000);

  it('answers /api/health while its database answers, /metrics only with the token, nothing else', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    for (const name of ['budgetflow_job_duration_seconds', 'budgetflow_outbox_lag_seconds', 'budgetflow_queue_jobs', 'budgetflow_db_pool_connections']) expect(text).toContain(`# TYPE ${name} `);
    expect(text).toMatch(/^budgetflow_queue_jobs\{queue="publication",state="waiting"\} \d+$/m);
    expect((await fetch(`${base}/api/budgets`)).status).toBe(404);
  });
});
