import { TEST_PASSWORD } from '../utils/seed-people';
import { createTestApp, TTestApp } from '../utils/test-app';

/** The test client connects from 127.0.0.1; X-Forwarded-For says what a proxy (or a liar) claims. */
async function signIn(t: TTestApp, username: string, password: string, forwardedFor: string): Promise<number> {
  const res = await t.http().post('/api/auth/login').set('X-Forwarded-For', forwardedFor).send({ username, password });
  return res.status;
}

async function sessionAddressesOf(t: TTestApp, username: string): Promise<string[]> {
  const rows: { ip: string }[] = await t.dataSource.query(`SELECT s.ip FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = $1 ORDER BY s.created_at`, [username]);
  return rows.map((row) => row.ip);
}

describe('without TRUST_PROXY', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a client cannot escape the sign-in throttle by sending a new X-Forwarded-For each time', async () => {
    for (let i = 1; i <= 5; i += 1) expect(await signIn(t, 'publisher', `wrong-${i}`, `203.0.113.${i}`)).toBe(401);
    expect(await signIn(t, 'publisher', TEST_PASSWORD, '203.0.113.99')).toBe(429);
    const attempts: { ip: string }[] = await t.dataSource.query(`SELECT DISTINCT ip FROM login_attempts WHERE username = 'publisher'`);
    expect(attempts).toEqual([{ ip: '127.0.0.1' }]);
  });

  it('records the connection\'s address with the session, not the claimed one', async () => {
    expect(await signIn(t, 'reviewer', TEST_PASSWORD, '198.51.100.7')).toBe(200);
    expect(await sessionAddressesOf(t, 'reviewer')).toEqual(['127.0.0.1']);
  });
});

describe('TRUST_PROXY=loopback (behind a proxy on the same machine)', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => t.close());

  it('throttles each forwarded client on its own: one person\'s failures do not lock out another', async () => {
    for (let i = 1; i <= 5; i += 1) expect(await signIn(t, 'publisher', `wrong-${i}`, '203.0.113.10')).toBe(401);
    expect(await signIn(t, 'publisher', TEST_PASSWORD, '203.0.113.10')).toBe(429);
    expect(await signIn(t, 'publisher', TEST_PASSWORD, '198.51.100.20')).toBe(200);
    expect(await sessionAddressesOf(t, 'publisher')).toEqual(['198.51.100.20']);
  });

  it('believes only what the trusted proxy appended, not what the client put before it', async () => {
    expect(await signIn(t, 'reviewer', TEST_PASSWORD, '192.0.2.66, 198.51.100.30')).toBe(200);
    expect(await sessionAddressesOf(t, 'reviewer')).toEqual(['198.51.100.30']);
  });
});
