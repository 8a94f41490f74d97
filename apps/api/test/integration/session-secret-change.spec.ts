import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { generateSync } from 'otplib';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/load-config';
import { createDataSource } from '../../src/database/data-source';
import { TEST_PASSWORD } from '../utils/seed-people';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

/**
 * TOTP secrets are sealed under a key derived from SESSION_SECRET. A restart with another secret
 * cannot read them: the person is told to have their second factor reset (401 TOTP_UNREADABLE),
 * never a 500, and the security administrator's reset lets them in again.
 */
let t: TTestApp;
let restarted: INestApplication;
let http: () => ReturnType<typeof request>;
let reviewer2: { secret: string; recoveryCodes: string[] };
let publisher: TSignedIn;

const codeOf = (secret: string): string => generateSync({ secret });

beforeAll(async () => {
  t = await createTestApp();
  const signedIn = await t.login('reviewer2');
  const { secret } = (await t.http().post('/api/auth/totp/enrolment').set(signedIn.headers).expect(200)).body as { secret: string };
  const confirmed = await t.http().post('/api/auth/totp/enrolment/confirm').set(signedIn.headers).send({ code: codeOf(secret) }).expect(200);
  reviewer2 = { secret, recoveryCodes: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes };
  // An enrolment begun, not yet confirmed.
  publisher = await t.login('publisher');
  await t.http().post('/api/auth/totp/enrolment').set(publisher.headers).expect(200);

  // The same database, served after a restart with another SESSION_SECRET.
  const dataSource = createDataSource(t.db.url);
  await dataSource.initialize();
  restarted = await createApp(loadConfig({ DATABASE_URL: t.db.url, LOG_LEVEL: 'error', SESSION_SECRET: 'another-secret-another-secret-another-2' }), dataSource);
  await restarted.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(restarted.getHttpServer() as { address(): AddressInfo }).address().port}`;
  http = () => request(baseUrl);
});

afterAll(async () => {
  await restarted.close();
  await t.close();
});

describe('a SESSION_SECRET that changed', () => {
  it('answers a sign-in with a code 401 TOTP_UNREADABLE, asking for a reset by the security administrator, and only behind the right password', async () => {
    // The code is right; the server can no longer check it.
    const unreadable = await http().post('/api/auth/login').send({ username: 'reviewer2', password: TEST_PASSWORD, totpCode: codeOf(reviewer2.secret) }).expect(401);
    expect(unreadable.body).toMatchObject({ status: 401, code: 'TOTP_UNREADABLE', detail: expect.stringMatching(/security administrator \(安全保密管理员\) to reset/) });
    const wrong = await http().post('/api/auth/login').send({ username: 'reviewer2', password: 'wrong-password-x', totpCode: codeOf(reviewer2.secret) }).expect(401);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    // A recovery code needs no secret: it still signs in.
    await http().post('/api/auth/login').send({ username: 'reviewer2', password: TEST_PASSWORD, recoveryCode: reviewer2.recoveryCodes[0] }).expect(200);
  });

  it('refuses to confirm an enrolment begun under the old secret, and a new one goes through', async () => {
    const confirm = await http().post('/api/auth/totp/enrolment/confirm').set(publisher.headers).send({ code: '123456' }).expect(409);
    expect(confirm.body).toMatchObject({ code: 'CONFLICT', detail: expect.stringMatching(/start one again/) });
    const { secret } = (await http().post('/api/auth/totp/enrolment').set(publisher.headers).expect(200)).body as { secret: string };
    await http().post('/api/auth/totp/enrolment/confirm').set(publisher.headers).send({ code: codeOf(secret) }).expect(200);
  });

  it("after the security administrator's reset the account signs in with its password and may enrol again", async () => {
    const secadmin = (await http().post('/api/auth/login').send({ username: 'secadmin', password: TEST_PASSWORD }).expect(200)).body as { accessToken: string };
    await http().post(`/api/users/${t.people.users.reviewer2.id}/totp/reset`).set('Authorization', `Bearer ${secadmin.accessToken}`).expect(204);
    const again = await http().post('/api/auth/login').send({ username: 'reviewer2', password: TEST_PASSWORD }).expect(200);
    expect(again.body).toMatchObject({ user: { totpEnabled: false } });
  });
});
