import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, type TBudgetflowServer } from './budgetflow-server';

/** The moves every browser story makes on the demo data: sign in and out, screenshots, named steps. */
export function storyOf(page: Page, server: TBudgetflowServer, shots: string) {
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
  return {
    shot,
    async signIn(username: string): Promise<void> {
      await page.goto(`${server.baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL('**/desk');
    },
    async signOut(): Promise<void> {
      await page.getByRole('button', { name: '退出' }).click();
      await page.getByRole('link', { name: '登录' }).waitFor();
    },
    /** Runs a step; when it fails, the page as it was goes to the screenshots for the person debugging. */
    async step(name: string, work: () => Promise<void>): Promise<void> {
      try {
        await work();
      } catch (error) {
        await shot(`failed-${name}`).catch(() => undefined);
        throw error;
      }
    },
  };
}
