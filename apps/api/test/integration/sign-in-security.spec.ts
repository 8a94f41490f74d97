import { generateSync } from 'otplib';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { TEST_PASSWORD } from '../utils/seed-people';

/**
 * Issue 13, sign-in fit for 等保 2.0 level 3: TOTP two-factor with recovery codes, required here
 * (TOTP_REQUIRED=true, as production) for reviewers, publishers and administrators; the password
 * policy and self-service change; the idle timeout; the security administrator's and the auditor's routes.
 */
let t: TTestApp;
/** The security administrator's authenticator secret, once enrolled. */
let secadminSecret = '';
beforeAll(async () => {
  t = await createTestApp({ env: { TOTP_REQUIRED: 'true', SESSION_IDLE_MINUTES: '30' } });
});
afterAll(() => t.close());

/** The code of the authenticator app `steps` periods from now (the next one: the current one may be used already). */
const codeOf = (secret: string, steps = 1): string => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

async function passwordOnly(username: string): Promise<TSignedIn> {
  return t.login(username);
}

async function enrol(signedIn: TSignedIn): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await t.http().post('/api/auth/totp/enrolment').set(signedIn.headers).expect(200);
  const { secret, otpauthUri, qrCode } = started.body as { secret: string; otpauthUri: string; qrCode: string };
  expect(otpauthUri).toMatch(new RegExp(`^otpauth://totp/Budgetflow:.+\\?secret=${secret}`));
  expect(qrCode).toMatch(/^data:image\/png;base64,/);
  await t.http().post('/api/auth/totp/enrolment/confirm').set(signedIn.headers).send({ code: '000000' === codeOf(secret, 0) ? '111111' : '000000' }).expect(400);
  const confirmed = await t.http().post('/api/auth/totp/enrolment/confirm').set(signedIn.headers).send({ code: codeOf(secret, 0) }).expect(200);
  return { secret, recoveryCodes: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes };
}

describe('two-factor sign-in', () => {
  it('a reviewer must enrol before anything else, then signs in only with a fresh code or an unused recovery code', async () => {
    const first = await passwordOnly('reviewer');
    const me = await t.http().get('/api/auth/me').set(first.headers).expect(200);
    expect(me.body).toMatchObject({ role: 'reviewer', totpEnabled: false, mustEnrolTotp: true });
    const blocked = await t.http().get('/api/budgets').set(first.headers).expect(403);
    expect(blocked.body).toMatchObject({ code: 'TOTP_ENROLMENT_REQUIRED' });

    const { secret, recoveryCodes } = await enrol(first);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await t.http().get('/api/budgets').set(first.headers).expect(200);
    await t.http().post('/api/auth/totp/enrolment').set(first.headers).expect(409);

    const noCode = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: TEST_PASSWORD }).expect(401);
    expect(noCode.body).toMatchObject({ code: 'TOTP_REQUIRED' });
    await t.http().post('/api/auth/login').send({ username: 'reviewer', password: TEST_PASSWORD, totpCode: codeOf(secret, 0) === '123456' ? '654321' : '123456' }).expect(401);
    const code = codeOf(secret);
    const signedIn = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: TEST_PASSWORD, totpCode: code }).expect(200);
    expect(signedIn.body).toMatchObject({ user: { totpEnabled: true, mustEnrolTotp: false } });
    // A code is taken once: replayed, it is refused.
    await t.http().post('/api/auth/login').send({ username: 'reviewer', password: TEST_PASSWORD, totpCode: code }).expect(401);
    // A code with a wrong password is refused as well.
    await t.http().post('/api/auth/login').send({ username: 'reviewer', password: 'wrong-password-x', totpCode: codeOf(secret, 2) }).expect(401);

    const recovery = recoveryCodes[0] as string;
    await t.http().post('/api/auth/login').send({ username: 'reviewer', password: TEST_PASSWORD, recoveryCode: recovery }).expect(200);
    await t.http().post('/api/auth/login').send({ username: 'reviewer', password: TEST_PASSWORD, recoveryCode: recovery }).expect(401);
    const [{ stored }] = (await t.dataSource.query(`SELECT totp_secret AS stored FROM users WHERE username = 'reviewer'`)) as [{ stored: string }];
    expect(stored).not.toContain(secret);
  });

  it('a preparer need not enrol; the security administrator resets a lost second factor, and the account enrols again', async () => {
    await t.http().get('/api/budgets').set((await passwordOnly('preparer')).headers).expect(200);
    const publisher = await passwordOnly('publisher2');
    await enrol(publisher);
    const secadmin = await passwordOnly('secadmin');
    await t.http().post('/api/auth/totp/enrolment').set(secadmin.headers).expect(200);
    secadminSecret = ((await t.http().post('/api/auth/totp/enrolment').set(secadmin.headers).expect(200)).body as { secret: string }).secret;
    await t.http().post('/api/auth/totp/enrolment/confirm').set(secadmin.headers).send({ code: codeOf(secadminSecret, 0) }).expect(200);
    // The security administrator's list says who has a second factor, so they know whom a reset concerns.
    const twoFactorOf = async (username: string) =>
      ((await t.http().get('/api/users').set(secadmin.headers).expect(200)).body as { username: string; twoFactor: boolean }[]).find((u) => u.username === username)?.twoFactor;
    expect([await twoFactorOf('publisher2'), await twoFactorOf('preparer')]).toEqual([true, false]);
    await t.http().post(`/api/users/${t.people.users.publisher2.id}/totp/reset`).set(secadmin.headers).expect(204);
    expect(await twoFactorOf('publisher2')).toBe(false);
    // Signed out everywhere, and signs in with the password alone, to enrol again.
    await t.http().get('/api/auth/me').set(publisher.headers).expect(401);
    const again = await passwordOnly('publisher2');
    expect((await t.http().get('/api/auth/me').set(again.headers).expect(200)).body).toMatchObject({ mustEnrolTotp: true });
  });
});

describe('passwords and sessions', () => {
  it('refuses passwords the policy forbids, changes it, signs out the other sessions, and refuses the last ones again', async () => {
    const here = await t.login('preparer2');
    const elsewhere = await t.login('preparer2');
    const change = (currentPassword: string, newPassword: string) => t.http().post('/api/auth/password').set(here.headers).send({ currentPassword, newPassword });
    for (const [newPassword, reason, rule] of [
      ['short-pw', /at least 12 characters/, { rule: 'min-length', limit: 12 }],
      ['password1234', /most common/, { rule: 'common' }],
      ['my-preparer2-password', /username/, { rule: 'contains-username' }],
      ['aaaaaaaaaaaaaaaa', /most common|repeat/, { rule: expect.stringMatching(/^(common|few-characters)$/) }],
    ] as const) {
      const refused = await change(TEST_PASSWORD, newPassword).expect(400);
      expect(refused.body).toMatchObject({ code: 'PASSWORD_REJECTED', ...rule, errors: [{ path: 'newPassword', message: expect.stringMatching(reason) }] });
    }
    expect((await change('not-the-password', 'a-much-better-passphrase').expect(400)).body).toMatchObject({ errors: [{ path: 'currentPassword' }] });
    await t.http().get('/api/auth/me').set(elsewhere.headers).expect(200);

    await change(TEST_PASSWORD, 'a-much-better-passphrase').expect(204);
    await t.http().get('/api/auth/me').set(here.headers).expect(200);
    await t.http().get('/api/auth/me').set(elsewhere.headers).expect(401);
    await t.http().post('/api/auth/login').send({ username: 'preparer2', password: TEST_PASSWORD }).expect(401);
    await t.login('preparer2', 'a-much-better-passphrase');
    // The history: the password just replaced may not come back.
    expect((await change('a-much-better-passphrase', TEST_PASSWORD).expect(400)).body).toMatchObject({ errors: [{ message: expect.stringMatching(/last 5 passwords/) }] });
    const [{ audited }] = (await t.dataSource.query(`SELECT count(*)::int AS audited FROM audit_log WHERE action = 'auth.password.change'`)) as [{ audited: number }];
    expect(audited).toBe(1);
  });

  it('a session unused for longer than the idle timeout is over', async () => {
    const session = await t.login('preparer');
    await t.http().get('/api/auth/me').set(session.headers).expect(200);
    await t.dataSource.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [session.token]);
    await t.http().get('/api/auth/me').set(session.headers).expect(401);
  });
});

describe('the separated administrators', () => {
  it('the security administrator gives roles (never their own); the auditor searches the trail and sees no budget', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'secadmin', password: TEST_PASSWORD, totpCode: codeOf(secadminSecret) }).expect(200);
    const secadmin = { headers: { Authorization: `Bearer ${(login.body as { accessToken: string }).accessToken}` } };
    await t.http().patch(`/api/users/${t.people.users.secadmin.id}/role`).set(secadmin.headers).send({ role: 'admin' }).expect(403);
    const changed = await t.http().patch(`/api/users/${t.people.users.reviewer_other.id}/role`).set(secadmin.headers).send({ role: 'publisher', departmentCode: '999001' }).expect(200);
    expect(changed.body).toMatchObject({ role: 'publisher', departmentCode: '999001' });
    const admin = await passwordOnly('admin');
    await enrol(admin);
    // The system administrator makes accounts but does not give the separated administrators' roles.
    expect((await t.http().post('/api/users').set(admin.headers).send({ username: 'aud2', displayName: '审计员二', password: 'long-enough-passphrase', role: 'auditor' }).expect(403)).body).toMatchObject({ code: 'FORBIDDEN' });

    const auditor = await passwordOnly('auditor');
    const auditorSecret = ((await t.http().post('/api/auth/totp/enrolment').set(auditor.headers).expect(200)).body as { secret: string }).secret;
    await t.http().get('/api/audit').set(auditor.headers).expect(403);
    await t.http().post('/api/auth/totp/enrolment/confirm').set(auditor.headers).send({ code: codeOf(auditorSecret, 0) }).expect(200);
    const entries = await t.http().get('/api/audit?action=user.role').set(auditor.headers).expect(200);
    expect((entries.body as { entries: unknown[] }).entries).toEqual([expect.objectContaining({ actor: 'secadmin', action: 'user.role', entityId: t.people.users.reviewer_other.id, payload: expect.objectContaining({ from: 'reviewer', to: 'publisher' }) })]);
    await t.http().get('/api/budgets').set(auditor.headers).expect(403);
    await t.http().get('/api/users').set(auditor.headers).expect(403);
  });
});
