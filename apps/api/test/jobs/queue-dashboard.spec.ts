import { TEST_PASSWORD } from '../utils/seed-people';
import { createTestApp, type TTestApp } from '../utils/test-app';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the queue dashboard under /admin/queues', () => {
  it('answers 401 without a session and 403 to every role but admin', async () => {
    await t.http().get('/admin/queues').expect(401);
    await t.http().get('/admin/queues/api/queues').set('Authorization', 'Bearer not-a-real-session-token-at-all').expect(401);
    for (const role of ['preparer', 'reviewer', 'publisher'] as const) {
      await t.http().get('/admin/queues/api/queues').set((await t.login(role)).headers).expect(403);
    }
  });

  it('shows the four queues to an administrator, by bearer token or by session cookie', async () => {
    const admin = await t.login('admin');
    const page = await t.http().get('/admin/queues').set(admin.headers).expect(200);
    expect(page.text).toContain('<html');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self';/);
    const api = await t.http().get('/admin/queues/api/queues').set(admin.headers).expect(200);
    expect((api.body.queues as { name: string }[]).map((q) => q.name).sort()).toEqual(['notifications', 'publication', 'reports', 'totals']);

    const login = await t.http().post('/api/auth/login').send({ username: 'admin', password: TEST_PASSWORD }).expect(200);
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? '');
    await t.http().get('/admin/queues/api/queues').set('Cookie', cookies.join('; ')).expect(200);
  });
});
