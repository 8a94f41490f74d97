import request from 'supertest';
import { startBudgetflow, type TRunningBudgetflow } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/load-config';
import { createTestDatabase, type TTestDatabase } from '../utils/test-database';
import { testQueuePrefix, waitFor, wipeRedisPrefix } from './jobs-fixtures';

const REDIS_URL = 'redis://127.0.0.1:6379';
const PASSWORD = 'start-with-jobs-pass';
const prefix = testQueuePrefix();
let db: TTestDatabase;
let running: TRunningBudgetflow;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  const config = loadConfig({ DATABASE_URL: db.url, REDIS_URL, LOG_LEVEL: 'error', DEMO_PASSWORD: PASSWORD, QUEUE_PREFIX: prefix });
  running = await startBudgetflow(config, { withJobs: true });
});

afterAll(async () => {
  await running.stop();
  await wipeRedisPrefix(REDIS_URL, prefix);
  await db.drop();
});

async function bearer(username: string): Promise<{ Authorization: string }> {
  const login = await request(running.app.getHttpServer()).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
  return { Authorization: `Bearer ${String(login.body.accessToken)}` };
}

describe('pnpm start runs the jobs beside the API', () => {
  it('a budget submitted, approved and published over HTTP gets its files listed and downloadable', async () => {
    const server = running.app.getHttpServer();
    const preparer = await bearer('preparer');
    const list = await request(server).get('/api/budgets?year=2020').set(preparer).expect(200);
    const budgetId = String(list.body.items[0].id);
    await request(server).post(`/api/budgets/${budgetId}/submit`).set(preparer).send({}).expect(200);
    await request(server).post(`/api/budgets/${budgetId}/approve`).set(await bearer('reviewer')).send({}).expect(200);
    const published = await request(server).post(`/api/budgets/${budgetId}/publish`).set(await bearer('publisher')).send({}).expect(200);
    const publicationId = String(published.body.publication.id);

    let files: { format: string; url: string; size: number }[] = [];
    await waitFor('the published files', async () => {
      files = (await request(server).get(`/api/public/disclosures/${publicationId}`).expect(200)).body.files;
      return files.length > 0;
    }, 60_000);
    expect(files.map((f) => f.format)).toEqual(expect.arrayContaining(['pdf', 'xlsx', 'csv', 'json', 'html']));
    const pdf = files.find((f) => f.format === 'pdf');
    const download = await request(server).get(pdf?.url ?? '').expect(200);
    expect(Number(download.headers['content-length'])).toBe(pdf?.size);
  });
});
