import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { observeJobs } from '../../src/common/observability/observed-jobs';
import type { TJobDriver } from '../../src/queue/job-driver';
import { jobHandlers } from '../../src/queue/job-handlers';
import { createSeededBudget } from '../e2e/budget-test-kit';
import { JOB_DRIVERS, startTestJobs, stopTestJobs } from '../jobs/job-drivers';
import { testQueuePrefix, waitFor } from '../jobs/jobs-fixtures';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { logLines, type TLogLines } from './log-lines';

const METRICS_TOKEN = randomBytes(16).toString('hex');
const LINE = { id: 'OBS', unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation' };

// nestjs-pino builds one root logger per process, on the first app's stream: one stream for every app of this file.
const appLog = logLines();

describe.each(JOB_DRIVERS)('metrics, request ids and job logs, jobs on %s', (driver) => {
  const prefix = testQueuePrefix();
  const jobLog: TLogLines = logLines();
  let t: TTestApp;
  let jobs: TJobDriver;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_DRIVER: driver, QUEUE_PREFIX: prefix, METRICS_TOKEN, LOG_LEVEL: 'log' }, logStream: appLog });
    jobs = startTestJobs(driver, { dataSource: t.dataSource, prefix, handlers: observeJobs(jobHandlers(t.dataSource), pino({}, jobLog)) });
  });

  afterAll(async () => {
    await stopTestJobs(jobs, prefix);
    await t.close();
  });

  it('carries the X-Request-Id of an edit into its outbox row and into the log lines of the job it caused', async () => {
    const preparer = await t.login('preparer');
    const budget = await createSeededBudget(t, preparer);
    const requestId = `edit-${randomBytes(6).toString('hex')}`;
    const res = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).set('X-Request-Id', requestId).send({ version: budget.version, upsertExpenditure: [{ ...LINE, amount: '12.34' }] }).expect(200);
    expect(res.headers['x-request-id']).toBe(requestId);
    const [row] = (await t.dataSource.query(`SELECT id, request_id FROM outbox WHERE topic = 'budget.totals' AND payload->>'version' = $1`, [String(res.body.version)])) as { id: string; request_id: string }[];
    expect(row?.request_id).toBe(requestId);

    await waitFor('the edit\'s totals job', async () => jobLog.lines.some((l) => l['outboxId'] === row?.id && l['msg'] === 'job done'), 60_000);
    const ofTheJob = jobLog.lines.filter((l) => l['outboxId'] === row?.id);
    expect(ofTheJob.map((l) => l['msg'])).toEqual(['job started', 'job done']);
    for (const line of ofTheJob) expect(line).toMatchObject({ requestId, queue: 'totals', job: 'recompute-totals' });
    // The request's own line names it too, with its route and status, and nothing of its headers.
    const answered = appLog.lines.find((l) => l['requestId'] === requestId && l['msg'] === 'request completed');
    expect(answered).toMatchObject({ req: { method: 'PATCH', path: `/api/budgets/${budget.id}/lines` }, res: { statusCode: 200 } });
    expect(JSON.stringify(appLog.lines)).not.toContain(preparer.token);
  }, 90_000);

  it('gives a request without an acceptable X-Request-Id one of its own', async () => {
    const given = await t.http().get('/api/health').set('X-Request-Id', 'two words\u00e9').expect(200);
    expect(given.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await t.http().get('/api/health').expect(200);
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers['x-request-id']).not.toBe(given.headers['x-request-id']);
  });

  it('serves /metrics only with the token: requests per route template, job durations per queue, outbox lag, the pool, the queues', async () => {
    await t.http().get('/metrics').expect(401);
    await t.http().get('/metrics').set('Authorization', 'Bearer not-the-token').expect(401);
    const res = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(text).toMatch(/^budgetflow_http_requests_total\{method="PATCH",route="\/api\/budgets\/:id\/lines",status="200"\} 1$/m);
    expect(text).toMatch(/^budgetflow_http_request_duration_seconds_bucket\{le="\+Inf",method="PATCH",route="\/api\/budgets\/:id\/lines",status="200"\} 1$/m);
    // No series per budget: the raw path never becomes a label.
    expect(text).not.toMatch(/route="\/api\/budgets\/[0-9a-f]{8}-/);
    expect(text).toMatch(/^budgetflow_job_duration_seconds_count\{queue="totals",job="recompute-totals",outcome="done"\} [1-9]\d*$/m);
    expect(text).toMatch(/^budgetflow_outbox_lag_seconds \d/m);
    expect(text).toMatch(/^budgetflow_outbox_jobs\{state="pending"\} \d+$/m);
    expect(text).toMatch(/^budgetflow_db_pool_connections\{state="total"\} [1-9]\d*$/m);
    expect(text).toMatch(/^budgetflow_process_resident_memory_bytes \d+/m);
    if (driver === 'redis') expect(text).toMatch(/^budgetflow_queue_jobs\{queue="totals",state="waiting"\} \d+$/m);
    else expect(text).not.toContain('budgetflow_queue_jobs{');
    // Every series the Grafana dashboard (infra/grafana) draws is one this process exposes.
    const dashboard = readFileSync(join(__dirname, '../../../../infra/grafana/budgetflow-dashboard.json'), 'utf8');
    const drawn = new Set([...dashboard.matchAll(/budgetflow_\w+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')));
    expect(drawn.size).toBeGreaterThanOrEqual(8);
    for (const name of drawn) expect(text).toContain(`# TYPE ${name} `);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('is not served at all, token or not', async () => {
    await t.http().get('/metrics').expect(404);
    await t.http().get('/metrics').set('Authorization', 'Bearer anything-at-all-here').expect(404);
  });
});
