import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import type { TBrowser } from './support/browser';
import type { TBudgetflowServer } from './support/budgetflow-server';
import { closeStory, openStory } from './support/open-story';
import { signInAs } from './support/session';

/**
 * The three administrators (三员) walk every page of theirs in Debian's Chromium against Budgetflow
 * as `pnpm start` runs it, with the notification bell open: not one request answers 4xx, so no panel
 * shows empty for a refusal and no console shows a 403. Screenshots in test-results/administrators-pages.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/administrators-pages');

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;
let refused: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS));
  page.on('response', (res: Response) => {
    if (res.status() >= 400 && res.status() < 500) refused.push(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
  });
}, 180_000);

afterAll(() => closeStory({ server, browser, page }));

/** Every page of each one's own; only the administrator works on budgets, and so has the notification bell. */
const ADMINISTRATORS = [
  { username: 'admin', bell: true, pages: ['/desk', '/admin/users', '/admin/departments', '/admin/fiscal-years', '/admin/bureau', '/admin/jobs', '/admin/queues', '/account/two-factor', '/account/password'] },
  { username: 'secadmin', bell: false, pages: ['/desk', '/account/two-factor', '/account/password'] },
  { username: 'auditor', bell: false, pages: ['/desk', '/account/two-factor', '/account/password'] },
] as const;

describe.each(ADMINISTRATORS)('$username', ({ username, bell, pages }) => {
  it('opens each of its pages (and the notification bell where it has one), and no request is refused', async () => {
    // Whatever an earlier walk left (signed in when it failed), each starts signed out.
    await browser.context.clearCookies();
    await signInAs(page, server.baseUrl, username);
    // From here on: the sign-in page asks who is signed in before anyone is, and hears 401.
    refused = [];
    for (const [index, pathname] of pages.entries()) {
      await page.goto(`${server.baseUrl}${pathname}`);
      // Each page waited on until it has asked all it asks.
      await page.waitForLoadState('networkidle');
      if (pathname !== '/admin/queues') {
        const button = page.getByRole('button', { name: /^通知/ });
        expect(await button.count()).toBe(bell ? 1 : 0);
        if (bell) {
          await button.click();
          await page.getByRole('region', { name: '通知' }).waitFor();
          await page.waitForLoadState('networkidle');
        }
      }
      await page.screenshot({ path: path.join(SHOTS, `${username}-${index}.png`), fullPage: true });
    }
    expect(refused).toEqual([]);
  }, 180_000);
});
