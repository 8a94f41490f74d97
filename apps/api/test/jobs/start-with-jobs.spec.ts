import { createHash } from 'node:crypto';
import request from 'supertest';
import { startBudgetflow, type TRunningBudgetflow } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/load-config';
import type { TJobDriverName } from '../../src/queue/job-driver';
import { createTestDatabase, type TTestDatabase } from '../utils/test-database';
import { APPROVAL } from '../e2e/budget-test-kit';
import { TEST_REDIS_URL } from './job-drivers';
import { testQueuePrefix, waitFor, wipeRedisPrefix } from './jobs-fixtures';

const PASSWORD = 'start-with-jobs-pass';

/** The machine's Redis, and a machine without one (nothing listens on port 1): JOBS_DRIVER auto picks the driver. */
const MACHINES: readonly { redisUrl: string; driver: TJobDriverName }[] = [
  { redisUrl: TEST_REDIS_URL, driver: 'redis' },
  { redisUrl: 'redis://127.0.0.1:1', driver: 'in-process' },
];

describe.each(MACHINES)('pnpm start with REDIS_URL=$redisUrl runs the jobs beside the API ($driver)', ({ redisUrl, driver }) => {
  const prefix = testQueuePrefix();
  let db: TTestDatabase;
  let running: TRunningBudgetflow;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    const config = loadConfig({ DATABASE_URL: db.url, REDIS_URL: redisUrl, LOG_LEVEL: 'error', DEMO_PASSWORD: PASSWORD, QUEUE_PREFIX: prefix });
    running = await startBudgetflow(config, { withJobs: true });
  });

  afterAll(async () => {
    await running.stop();
    await wipeRedisPrefix(TEST_REDIS_URL, prefix);
    await db.drop();
  });

  async function bearer(username: string): Promise<{ Authorization: string }> {
    const login = await request(running.app.getHttpServer()).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    return { Authorization: `Bearer ${String(login.body.accessToken)}` };
  }

  it('says who runs the jobs', async () => {
    expect(running.jobs?.name).toBe(driver);
    const health = await request(running.app.getHttpServer()).get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', jobs: driver });
  });

  it("carries the seed's budget to publication over HTTP; its PDF and workbook are listed and download with their listed sha256", async () => {
    const server = running.app.getHttpServer();
    const preparer = await bearer('preparer');
    const list = await request(server).get('/api/budgets?year=2020').set(preparer).expect(200);
    const budgetId = String(list.body.items[0].id);
    await request(server).post(`/api/budgets/${budgetId}/submit`).set(preparer).send({}).expect(200);
    await request(server).post(`/api/budgets/${budgetId}/approve`).set(await bearer('reviewer')).send(APPROVAL).expect(200);
    const published = await request(server).post(`/api/budgets/${budgetId}/publish`).set(await bearer('publisher')).send({}).expect(200);
    const publicationId = String(published.body.publication.id);

    let files: { format: string; url: string; size: number; sha256: string }[] = [];
    await waitFor('the published files', async () => {
      files = (await request(server).get(`/api/public/disclosures/${publicationId}`).expect(200)).body.files;
      return files.length > 0;
    }, 90_000);
    expect(files.map((f) => f.format)).toEqual(expect.arrayContaining(['pdf', 'xlsx', 'csv', 'json', 'html']));
    for (const format of ['pdf', 'xlsx']) {
      const file = files.find((f) => f.format === format);
      const download = await request(server).get(file?.url ?? '').buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      const body = download.body as Buffer;
      expect(body.length).toBe(file?.size);
      expect(createHash('sha256').update(body).digest('hex')).toBe(file?.sha256);
    }
  }, 120_000);
});
