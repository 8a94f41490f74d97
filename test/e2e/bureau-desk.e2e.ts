import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TBrowser } from './support/browser';
import { DEMO_PASSWORD, type TBudgetflowServer } from './support/budgetflow-server';
import { signInAs, signOutOf } from './support/session';
import { closeStory, openStory } from './support/open-story';

/**
 * The ceilings and the bureau's desk in Debian's Chromium against Budgetflow as `pnpm start` runs
 * it (its demo ceilings issued by the 预算科): the preparer sees the ceilings and the room left
 * beside the totals, the reviewer's desk opens on 2020 (the demo's one year of budgets), and a visitor the public
 * compliance list from the portal. Screenshots in test-results/bureau-e2e.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/bureau-e2e');

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS));
}, 180_000);

afterAll(() => closeStory({ server, browser, page }));

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

const signIn = (username: string) => signInAs(page, server.baseUrl, username);
const signOut = () => signOutOf(page);

/** The id of the preparer's 2020 budget, asked of the API as the preparer. */
async function homeBudgetId(): Promise<string> {
  const login = (await (await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'preparer', password: DEMO_PASSWORD }) })).json()) as { accessToken: string };
  const list = (await (await fetch(`${server.baseUrl}/api/budgets?year=2020`, { headers: { Authorization: `Bearer ${login.accessToken}` } })).json()) as { items: { id: string }[] };
  return list.items[0]!.id;
}

describe('the ceilings and the bureau’s desk', () => {
  it('the preparer sees the ceilings and the room left beside the totals', async () => {
    const id = await homeBudgetId();
    await signIn('preparer');
    await page.goto(`${server.baseUrl}/budgets/${id}`);
    const panel = page.getByRole('region', { name: '控制数' });
    await panel.getByRole('row', { name: /支出总额/ }).waitFor();
    expect(await panel.getByRole('columnheader', { name: '剩余额度' }).count()).toBe(1);
    expect(await panel.locator('tr.over').count()).toBe(0);
    await panel.locator('summary', { hasText: '各轮次对比' }).click();
    await panel.getByRole('table', { name: '各轮次对比' }).waitFor();
    await shot('01-preparer-ceilings');
    await signOut();
  }, 120_000);

  it('the reviewer’s desk opens on 2020, the newest year with budgets, with every department, and filters it', async () => {
    await signIn('reviewer');
    await page.getByRole('link', { name: '财政局工作台' }).click();
    // The desk is the reviewer's own office's (the demo's reviewer works in the 行政政法科).
    await page.getByRole('heading', { level: 1, name: '武汉市硚口区财政局（演示）工作台（行政政法科）' }).waitFor();
    const desk = page.getByRole('table', { name: /^各部门（\d+ 个）$/ });
    await desk.getByRole('row', { name: /武汉市硚口区大数据中心/ }).waitFor();
    // Not the calendar's year: GET /api/bureau/years names the newest with budgets in the reviewer's scope.
    expect(await page.getByLabel('年度').inputValue()).toBe('2020');
    expect(await desk.getByRole('row', { name: /示例单位/ }).count()).toBe(1);
    await page.getByRole('heading', { name: /全区汇总/ }).waitFor();
    await shot('02-bureau-desk');
    await page.getByLabel('部门编码或名称').fill('999001');
    await page.getByRole('heading', { name: '各部门（1 个）' }).waitFor();
    await desk.getByRole('row', { name: /示例单位/ }).waitFor();
    expect(await desk.getByRole('row', { name: /武汉市硚口区大数据中心/ }).count()).toBe(0);
    await signOut();
  }, 120_000);

  it('a visitor finds the publication compliance list from the portal', async () => {
    await page.goto(`${server.baseUrl}/portal`);
    await page.getByRole('link', { name: '预算公开情况' }).click();
    await page.getByRole('heading', { level: 1, name: '预算公开情况' }).waitFor();
    await page.getByText('各部门应在财政部门批复后 20 日内公开部门预算。').waitFor();
    await page.getByLabel('年度').fill('2020');
    await shot('03-public-compliance');
  }, 120_000);
});
