import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TBrowser } from './support/browser';
import { DEMO_PASSWORD, type TBudgetflowServer } from './support/budgetflow-server';
import { closeStory, openStory } from './support/open-story';
import { signInAs, signOutOf } from './support/session';

/**
 * Publication, gated, in Debian's Chromium against Budgetflow as `pnpm start` runs it: the demo
 * bureau's administrator ticks 「公开前须审签」 for 2020, the publisher's 公开 waits 「须先审签」,
 * the signer signs the budget off on its publish page, the publisher publishes; a correction then
 * publishes version 2 with its 更正说明 on the portal. Screenshots in test-results/sign-off-e2e.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/sign-off-e2e');
const LATIN = /[A-Za-z]/;

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;
let budgetId: string;

async function api(username: string): Promise<(method: string, route: string, body?: object) => Promise<Record<string, unknown>>> {
  const login = (await (await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })).json()) as { accessToken: string };
  return async (method, route, body) => {
    const res = await fetch(`${server.baseUrl}${route}`, { method, headers: { Authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
}

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS, {
    // The seed's 2020 draft, submitted and approved as the desks do it.
    prepare: async (s) => {
      server = s;
      const preparer = await api('preparer');
      const reviewer = await api('reviewer');
      budgetId = ((await preparer('GET', '/api/budgets?year=2020')).items as { id: string }[])[0]!.id;
      await preparer('POST', `/api/budgets/${budgetId}/submit`, {});
      await reviewer('POST', `/api/budgets/${budgetId}/approve`, { opinion: '同意', documentNo: '硚财预〔2020〕1号', date: '2020-02-20' });
    },
  }));
}, 180_000);

afterAll(() => closeStory({ server, browser, page }));

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const signIn = (username: string) => signInAs(page, server.baseUrl, username);

describe('publication, gated', () => {
  it('the administrator requires a 审签 for 2020 beside the review chain', async () => {
    await signIn('admin');
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole('link', { name: '财政局与审核流程' }).click();
    await page.getByLabel('年度').selectOption('2020');
    const box = page.getByRole('checkbox', { name: '公开前须审签' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await shot('01-admin-policy');
    await signOutOf(page);
  }, 120_000);

  it('the publisher’s 公开 waits for the 审签; the signer signs; then it publishes', async () => {
    await signIn('publisher');
    await page.goto(`${server.baseUrl}/budgets/${budgetId}`);
    const panel = page.getByRole('region', { name: '审签（保密审查）' });
    await panel.getByText('本年度公开前须审签，等待审签人审签。').waitFor();
    const publish = page.getByRole('button', { name: '公开', exact: true });
    await page.getByText('须先审签').waitFor();
    expect(await publish.isDisabled()).toBe(true);
    await shot('02-publisher-waits');
    await signOutOf(page);

    await signIn('signer');
    await page.getByRole('link', { name: '审签' }).first().click();
    await panel.getByLabel('审签意见').fill('经保密审查，同意公开');
    await panel.getByRole('button', { name: '审签' }).click();
    await panel.getByRole('status').filter({ hasText: '已审签：财政局审签人（演示）' }).waitFor();
    expect(LATIN.test(await panel.innerText())).toBe(false);
    await shot('03-signer-signed');
    await signOutOf(page);

    await signIn('publisher');
    await page.goto(`${server.baseUrl}/budgets/${budgetId}`);
    await panel.getByText('审签意见：经保密审查，同意公开').waitFor();
    await page.getByText('公开文件已生成并通过检查，可以公开。').waitFor({ timeout: 90_000 });
    await publish.click();
    await page.getByRole('dialog').getByRole('button', { name: '公开' }).click();
    await page.getByTestId('public-link').waitFor({ timeout: 90_000 });
    await shot('04-published');
    await signOutOf(page);
  }, 240_000);

  it('a correction publishes version 2 with its 更正说明 on the portal', async () => {
    const publisher = await api('publisher');
    const preparer = await api('preparer');
    const reviewer = await api('reviewer');
    const signer = await api('signer');
    await publisher('POST', `/api/budgets/${budgetId}/revise`, { reason: '基本工资测算有误，予以更正' });
    const current = await preparer('GET', `/api/budgets/${budgetId}?linePageSize=100`);
    const lines = (current.lines as { expenditure: { items: { id: string; economicCode: string; amount: string }[] } }).expenditure.items;
    const first = lines.find((l) => l.id === 'L001')!;
    const other = lines.find((l) => l.economicCode === '30102')!;
    const less = `${(BigInt(other.amount.replace('.', '')) - 1_000_000n).toString().replace(/(\d\d)$/, '.$1')}`;
    await preparer('PATCH', `/api/budgets/${budgetId}/lines`, { version: current.version, upsertExpenditure: [{ ...first, amount: '394000.00' }, { ...other, amount: less }] });
    await preparer('POST', `/api/budgets/${budgetId}/submit`, {});
    await reviewer('POST', `/api/budgets/${budgetId}/approve`, { opinion: '同意更正' });
    await signer('POST', `/api/budgets/${budgetId}/sign-off`, { opinion: '同意公开更正版' });
    const published = await publisher('POST', `/api/budgets/${budgetId}/publish`, {});
    const { id } = published.publication as { id: string };

    await page.goto(`${server.baseUrl}/portal/${id}`);
    const notice = page.getByRole('region', { name: '更正说明' });
    await notice.getByText('本版为第2版，更正第1版').waitFor();
    await notice.getByText('基本工资测算有误，予以更正').waitFor();
    await notice.getByText('表六 硚口区大数据中心2020年一般公共预算基本支出表“30101 基本工资”行“预算数”：由38.4万元更正为39.4万元').waitFor();
    expect(LATIN.test(await notice.innerText())).toBe(false);
    await page.getByRole('link', { name: '更正说明（文本）' }).waitFor();
    await shot('05-portal-correction');
  }, 240_000);
});
