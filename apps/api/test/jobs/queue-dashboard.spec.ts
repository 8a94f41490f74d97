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

  it("loads its own scripts and styles under the page's policy: the base it names is allowed, and what it names from there answers", async () => {
    const admin = await t.login('admin');
    const page = await t.http().get('/admin/queues').set(admin.headers).expect(200);
    const policy = directives(String(page.headers['content-security-policy']));
    const base = /<base href="([^"]+)"/.exec(page.text)?.[1] ?? '';
    expect(base).toBe('/admin/queues/');
    // A browser ignores a <base> the policy does not allow, and resolves the relative URLs against the page's own.
    const resolvedAgainst = new URL(policy.get('base-uri')?.includes("'self'") === true ? base : '/admin/queues', t.baseUrl);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toContain("'self'");
    const assets = [...page.text.matchAll(/<(?:script[^>]* src|link[^>]* href)="(static\/[^"]+)"/g)].map((m) => new URL(m[1] ?? '', resolvedAgainst));
    const typeOf: Record<string, RegExp> = { css: /^text\/css/, js: /javascript/, png: /^image\/png/, svg: /^image\/svg\+xml/ };
    expect(assets.map((url) => url.pathname.split('.').pop()).sort()).toEqual(['css', 'js', 'js', 'js', 'js', 'png', 'svg']);
    for (const url of assets) {
      const asset = await t.http().get(url.pathname).set(admin.headers).expect(200);
      expect(asset.headers['content-type']).toMatch(typeOf[url.pathname.split('.').pop() ?? ''] ?? /^$/);
    }
  });

  it('keeps the policy of every other page: no base of its own there', async () => {
    const res = await t.http().get('/api/health');
    expect(directives(String(res.headers['content-security-policy'])).get('base-uri')).toEqual(["'none'"]);
  });
});

/** A Content-Security-Policy header as directive → its sources. */
function directives(header: string): Map<string, string[]> {
  return new Map(header.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name ?? '', sources]));
}
