import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TBrowser } from './support/browser';
import type { TBudgetflowServer } from './support/budgetflow-server';
import { closeStory, openStory } from './support/open-story';
import { publishSeededDraft } from './support/published-seed';

/**
 * A visitor whose browser runs no script reads a published disclosure: its portal page names it and
 * links its web version, which opens in the browser with its tables; the portal's list links it too.
 * Screenshots in test-results/portal-noscript-e2e.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/portal-noscript-e2e');

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;
let publicationId: string;

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS, {
    javaScript: false,
    prepare: async (started) => {
      publicationId = await publishSeededDraft(started.baseUrl);
    },
  }));
}, 240_000);

afterAll(() => closeStory({ server, browser, page }));

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

it('reads a disclosure without script: the page links its web version, which shows its tables', async () => {
  await page.goto(`${server.baseUrl}/portal/${publicationId}`);
  await expect(page.title()).resolves.toMatch(/2020年部门预算（第1版）$/);
  await expect(page.locator('main p').first().innerText()).resolves.toContain('需要启用 JavaScript');
  const web = page.getByRole('link', { name: /2020年部门预算（第1版，网页版全文）$/ });
  await expect(page.getByRole('link', { name: /2020年部门预算（第1版，PDF）$/ }).isVisible()).resolves.toBe(
    true,
  );
  const href = await web.getAttribute('href');
  await shot(page, '01-disclosure-without-script');

  await web.click();
  await page.waitForURL(/\/api\/public\/files\/.+\?view=inline$/);
  await expect(
    page.getByRole('heading', { name: /^第二部分 .*2020年部门预算表$/ }).isVisible(),
  ).resolves.toBe(true);
  expect(await page.getByRole('table').count()).toBeGreaterThan(1);
  await shot(page, '02-web-version');

  // The portal's first page lists it, linked the same way.
  await page.goto(`${server.baseUrl}/portal`);
  await expect(
    page.getByRole('link', { name: /2020年部门预算（第1版，网页版全文）$/ }).getAttribute('href'),
  ).resolves.toBe(href);
  await shot(page, '03-portal-list-without-script');
});
