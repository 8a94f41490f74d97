import { createTestApp, TTestApp } from '../utils/test-app';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function cookiesOf(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? (raw as string[]) : [];
}

describe('sign-in', () => {
  it('answers a bearer token, its expiry and the user; the token identifies the caller', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'preparer', password: 'test-password-1' }).expect(200);
    expect(res.body).toEqual({
      accessToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      csrfToken: expect.any(String),
      user: { id: t.people.users.preparer.id, username: 'preparer', role: 'preparer', departmentCode: '019001', totpEnabled: false, mustEnrolTotp: false, office: null, unit: null },
    });
    const expiresIn = Date.parse(res.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(7 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(8 * 3600_000);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'preparer', role: 'preparer', departmentCode: '019001', reviewScope: [], office: null, unit: null });
  });

  it('names a reviewer’s office (科室) in the session, whose work the screens offer', async () => {
    const [bureau] = (await t.dataSource.query(`INSERT INTO finance_bureaus (code, name) VALUES ('420197', '某区财政局') RETURNING id`)) as [{ id: string }];
    const [office] = (await t.dataSource.query(`INSERT INTO bureau_offices (bureau_id, code, name, kind) VALUES ($1, 'yusuanke', '预算科', 'budget') RETURNING id`, [bureau.id])) as [{ id: string }];
    await t.dataSource.query(`UPDATE users SET office_id = $1 WHERE username = 'reviewer'`, [office.id]);
    try {
      const signedIn = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: 'test-password-1' }).expect(200);
      expect(signedIn.body.user.office).toEqual({ code: 'yusuanke', name: '预算科', kind: 'budget' });
      const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${signedIn.body.accessToken}`).expect(200);
      expect(me.body.office).toEqual({ code: 'yusuanke', name: '预算科', kind: 'budget' });
    } finally {
      await t.dataSource.query(`UPDATE users SET office_id = NULL WHERE username = 'reviewer'`);
    }
  });

  it('stores the password as argon2id and the session token only as a hash', async () => {
    const { token } = await t.login('reviewer');
    const [user] = await t.dataSource.query(`SELECT password_hash FROM users WHERE username = 'reviewer'`);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const leaked = await t.dataSource.query(`SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1`, [token]);
    expect(leaked[0].n).toBe(0);
  });

  it('refuses a wrong password, an unknown user and a deactivated user alike with 401 problem+json', async () => {
    await t.dataSource.query(`UPDATE users SET active = false WHERE username = 'publisher2'`);
    for (const body of [
      { username: 'preparer', password: 'wrong-password' },
      { username: 'nobody', password: 'test-password-1' },
      { username: 'publisher2', password: 'test-password-1' },
    ]) {
      const res = await t.http().post('/api/auth/login').send(body).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', detail: 'Wrong username or password' });
    }
    await t.dataSource.query(`UPDATE users SET active = true WHERE username = 'publisher2'`);
  });

  it('audits every sign-in, successful or not', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'auth.login%'`);
    await t.login('reviewer2');
    await t.http().post('/api/auth/login').send({ username: 'reviewer2', password: 'nope-nope' }).expect(401);
    const rows = await t.dataSource.query(`SELECT actor, action, entity_id FROM audit_log WHERE action LIKE 'auth.login%' ORDER BY id DESC LIMIT 2`);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'auth.login%'`);
    expect(after[0].n - before[0].n).toBe(2);
    expect(rows).toEqual([
      { actor: 'anonymous', action: 'auth.login.failed', entity_id: 'reviewer2' },
      { actor: 'reviewer2', action: 'auth.login', entity_id: t.people.users.reviewer2.id },
    ]);
  });

  it('validates the body: missing fields and unknown keys are named', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'preparer', extra: 1 }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'password', message: expect.any(String) },
        { path: '(body)', message: 'unknown field(s): extra' },
      ]),
    );
  });
});

describe('sign-out and sessions', () => {
  it('sign-out revokes the token', async () => {
    const s = await t.login('publisher');
    await t.http().post('/api/auth/logout').set(s.headers).expect(204);
    const res = await t.http().get('/api/auth/me').set(s.headers).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('an expired session is refused', async () => {
    const s = await t.login('preparer2');
    await t.http().get('/api/auth/me').set(s.headers).expect(200);
    await t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [t.people.users.preparer2.id]);
    const res = await t.http().get('/api/auth/me').set(s.headers).expect(401);
    expect(res.body.detail).toMatch(/expired/);
  });

  it('anonymous and garbage credentials get 401', async () => {
    await t.http().get('/api/auth/me').expect(401);
    await t.http().get('/api/auth/me').set('Authorization', 'Bearer not-a-real-token-at-all-xxxxxxxx').expect(401);
    await t.http().get('/api/auth/me').set('Authorization', 'Basic abc').expect(401);
  });
});

describe('login throttling', () => {
  it('locks a username+IP out after 5 failures in 15 minutes with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i += 1) {
      await t.http().post('/api/auth/login').send({ username: 'publisher', password: `wrong-${i}` }).expect(401);
    }
    const locked = await t.http().post('/api/auth/login').send({ username: 'publisher', password: 'test-password-1' }).expect(429);
    expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // Another user from the same address is not affected.
    await t.login('reviewer');
    // Once the failures leave the window, the right password works again.
    await t.dataSource.query(`UPDATE login_attempts SET at = at - interval '16 minutes' WHERE username = 'publisher'`);
    await t.login('publisher');
  });

  it('parallel guesses cannot slip past the limit', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.http().post('/api/auth/login').send({ username: 'preparer2', password: `guess-${i}` })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });
});

describe('cookie sessions and CSRF', () => {
  it('sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: 'test-password-1' }).expect(200);
    const cookies = cookiesOf(res);
    expect(cookies.find((c) => c.startsWith('bf_session='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('bf_session='))).toMatch(/SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('bf_csrf='))).not.toMatch(/HttpOnly/);
  });

  it('accepts safe requests by cookie, and unsafe ones only with the matching X-CSRF-Token', async () => {
    const agent = t.http();
    const login = await agent.post('/api/auth/login').send({ username: 'admin', password: 'test-password-1' }).expect(200);
    const cookie = cookiesOf(login).map((c) => c.split(';')[0]).join('; ');
    await t.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    const missing = await t.http().post('/api/auth/logout').set('Cookie', cookie).expect(403);
    expect(missing.body.code).toBe('CSRF_TOKEN_INVALID');
    await t.http().post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', 'forged').expect(403);
    const other = await t.login('preparer');
    await t.http().post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', other.csrfToken).expect(403);
    await t.http().post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken).expect(204);
    await t.http().get('/api/auth/me').set('Cookie', cookie).expect(401);
  });
});
