import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './budgetflow-server';

/** Signs a demo account in through the sign-in page and waits for its desk. */
export async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/desk');
}

/** Signs out from the header and waits for the sign-in link. */
export async function signOutOf(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByRole('link', { name: '登录' }).waitFor();
}
