import path from 'node:path';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import type { TBrowser } from './support/browser';
import { DEMO_PASSWORD, type TBudgetflowServer } from './support/budgetflow-server';
import { closeStory, openStory } from './support/open-story';
import { signInAs, signOutOf } from './support/session';

/**
 * Sign-in fit for 等保 2.0 level 3, in Debian's Chromium against Budgetflow as `pnpm start` runs it:
 * the publisher enrols an authenticator app (the code is computed here from the secret the page
 * shows, with the same library), signs out, signs in with password and code, signs in elsewhere
 * with a recovery code, and changes the password, which signs out that other session. Screenshots in test-results/security-story.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/security-story');
const NEW_PASSWORD = 'spring-river-ledger-2026';

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS));
}, 180_000);

afterAll(() => closeStory({ server, browser, page }));

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** Another device of the same person: a bearer session from a script. */
async function otherSession(password: string, recoveryCode: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'publisher', password, recoveryCode }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const meStatus = async (token: string): Promise<number> => (await fetch(`${server.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;

/** The authenticator app's code `steps` periods from now: each code is taken once, so each sign-in uses a newer one. */
const codeAt = (secret: string, steps: number): string => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

it('enrols TOTP, signs in with the code, and changes the password, signing out the other session', async () => {
  await signInAs(page, server.baseUrl, 'publisher');

  await page.getByRole('link', { name: '双因素认证' }).click();
  await page.getByRole('heading', { name: '双因素认证' }).waitFor();
  await page.getByRole('button', { name: '开始绑定身份验证器' }).click();
  await page.getByRole('img', { name: '身份验证器二维码' }).waitFor();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await shot('01-two-factor-qr');
  await page.getByLabel('动态验证码').fill(codeAt(secret, 0));
  await page.getByRole('button', { name: '确认绑定' }).click();
  const codes = page.getByRole('list', { name: '恢复码' }).getByRole('listitem');
  await codes.first().waitFor();
  expect(await codes.count()).toBe(10);
  const recoveryCode = ((await codes.first().textContent()) ?? '').trim();
  await shot('02-recovery-codes');

  await page.getByRole('button', { name: '退出' }).click();
  await page.getByRole('link', { name: '登录' }).click();
  await page.getByLabel('用户名').fill('publisher');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // The password alone is not enough: the page asks for the code.
  await page.getByLabel('动态验证码').waitFor();
  await shot('03-sign-in-code');
  await page.getByLabel('动态验证码').fill(codeAt(secret, 1));
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/desk');

  // The publisher's other device signs in with one of the recovery codes.
  const elsewhere = await otherSession(DEMO_PASSWORD, recoveryCode);
  expect(await meStatus(elsewhere)).toBe(200);

  await page.getByRole('link', { name: '修改密码' }).click();
  await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await page.getByLabel('新密码', { exact: true }).fill('password1234');
  await page.getByLabel('再次输入新密码').fill('password1234');
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByRole('alert').filter({ hasText: '不符合密码策略' }).waitFor();
  await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
  await shot('04-password-changed');

  // The other session is over; this one goes on.
  expect(await meStatus(elsewhere)).toBe(401);
  await page.getByRole('link', { name: '工作台' }).click();
  await page.waitForURL('**/desk');
  await page.getByRole('button', { name: '退出' }).waitFor();
}, 240_000);

it('the security administrator sees who uses a second factor and resets the publisher’s lost one; the auditor reads it in the trail', async () => {
  await signOutOf(page);
  await signInAs(page, server.baseUrl, 'secadmin');
  const accounts = page.getByRole('table', { name: /^账户（\d+ 个）$/ });
  const publisher = accounts.getByRole('row', { name: /^publisher / });
  await publisher.getByText('已启用').waitFor();
  await publisher.getByRole('button', { name: '管理 publisher' }).click();
  await page.getByRole('button', { name: '重置双因素认证' }).click();
  await page.getByRole('alert').getByRole('button', { name: '重置双因素认证' }).click();
  await page.getByRole('status').filter({ hasText: '双因素认证已重置' }).waitFor();
  await publisher.getByText('未启用').waitFor();
  await shot('05-security-admin-reset');

  // The publisher signs in with the password alone again (demo mode asks no enrolment).
  const res = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'publisher', password: NEW_PASSWORD }) });
  expect(res.status).toBe(200);

  await signOutOf(page);
  await signInAs(page, server.baseUrl, 'auditor');
  await page.getByRole('row', { name: /secadmin.*重置双因素认证.*用户/ }).first().waitFor();
  expect(await page.getByRole('table', { name: /^账户/ }).count()).toBe(0);
  await shot('06-auditor-trail');
}, 240_000);
