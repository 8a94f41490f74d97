import { KEEP_ALIVE_MS } from '../../src/app.factory';
import { createTestApp, type TTestApp } from '../utils/test-app';

describe('GET /api/health', () => {
  describe('with PostgreSQL and Redis', () => {
    let t: TTestApp;
    beforeAll(async () => {
      t = await createTestApp({ seed: false });
    });
    afterAll(() => t.close());

    it('is ok and says so of both', async () => {
      await t.http().get('/api/health').expect(200, { status: 'ok', database: 'ok', redis: 'ok', jobs: 'redis' });
    });

    it('keeps an idle connection open longer than a proxy or client does (nginx and load balancers: 60 s)', async () => {
      const res = await fetch(`${t.baseUrl}/api/health`);
      expect(res.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
      expect(KEEP_ALIVE_MS).toBeGreaterThan(60_000);
    });

    it('is 503 once the database does not answer', async () => {
      await t.dataSource.destroy();
      const res = await t.http().get('/api/health').expect(503);
      expect(res.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    });
  });

  describe('with a Redis that cannot be reached', () => {
    let t: TTestApp;
    beforeAll(async () => {
      t = await createTestApp({ seed: false, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    });
    afterAll(() => t.close());

    it('stays up, degraded, and answers at once: the API serves without Redis', async () => {
      const started = Date.now();
      await t.http().get('/api/health').expect(200, { status: 'degraded', database: 'ok', redis: 'down', jobs: 'redis' });
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  describe('with the jobs run in process (no Redis at start)', () => {
    let t: TTestApp;
    beforeAll(async () => {
      t = await createTestApp({ seed: false, env: { REDIS_URL: 'redis://127.0.0.1:1', JOBS_DRIVER: 'in-process' } });
    });
    afterAll(() => t.close());

    it('is ok without Redis, which the jobs do not need, and says who runs them', async () => {
      await t.http().get('/api/health').expect(200, { status: 'ok', database: 'ok', redis: 'down', jobs: 'in-process' });
    });
  });
});
