import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TBrowser } from './support/browser';
import { DEMO_PASSWORD, type TBudgetflowServer } from './support/budgetflow-server';
import { storyOf } from './support/story';
import { closeStory, openStory } from './support/open-story';

/**
 * The bureau's review chain in Chromium, on the demo data of `pnpm start`: the 2021 budget of
 * 019001 goes through its 一上 (the 预算科 issues the ceilings), then its 二上 through two stages —
 * the 业务科室 (reviewer) approves with an opinion, the 预算科 (reviewer2) returns it with a
 * reason, the 业务科室 approves again, and the 预算科, seeing the whole trail with the earlier
 * return, replies with the 批复 (文号, date). After the 批复 the department asks for a 预算调整 (调剂); the
 * 业务科室's reviewer, away, has delegated their stage to a colleague, who approves it on their behalf;
 * the 预算科 replies, and the department reads 年初预算 / 调整数 / 调整后预算. Screenshots in
 * test-results/review-chain.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/review-chain');
const SEED_FILE = path.resolve(__dirname, '../../packages/domain/fixtures/qiaokou-bigdata-2020.json');
const YEAR = 2021;

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;
let story: ReturnType<typeof storyOf>;
/** The budget the story carries, from 一上 to its adjustment. */
let id: string;

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS));
  story = storyOf(page, server, SHOTS);
}, 180_000);

afterAll(() => closeStory({ server, browser, page }));


/** A demo account's API, for the preparer's steps that this story is not about. */
async function apiAs(username: string): Promise<(method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>> {
  const login = (await (
    await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })
  ).json()) as { accessToken: string };
  return (method, url, body, headers = {}) =>
    fetch(`${server.baseUrl}${url}`, {
      method,
      headers: { Authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}


async function openQueued(): Promise<void> {
  await page.getByRole('main').getByRole('link', { name: '审核', exact: true }).first().click();
  await page.waitForURL('**/budgets/*');
  await page.getByRole('heading', { name: '审核记录' }).waitFor();
}

async function approveWithOpinion(opinion: string): Promise<void> {
  await page.getByRole('button', { name: '审核通过' }).click();
  const dialog = page.getByRole('dialog');
  // Without an opinion the approval cannot be confirmed.
  expect(await dialog.getByRole('button', { name: '审核通过' }).isDisabled()).toBe(true);
  await dialog.getByLabel('审核意见').fill(opinion);
  await dialog.getByRole('button', { name: '审核通过' }).click();
  await page.getByText('已审核通过').waitFor();
}


it('carries a budget through two review stages with opinions and a return in between', async () => {
  const preparer = await apiAs('preparer');
  const created = await preparer('POST', '/api/budgets', { fiscalYear: YEAR });
  expect(created.status).toBe(201);
  const { id: createdId, version } = (await created.json()) as { id: string; version: number };
  id = createdId;
  const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as Record<string, unknown>;
  expect((await preparer('PUT', `/api/budgets/${id}/document`, { ...seed, fiscalYear: YEAR }, { 'If-Match': `"${version}"` })).status).toBe(200);
  // 一上 and its answer (控制数), so that the 二上 enters the chain.
  expect((await preparer('POST', `/api/budgets/${id}/submit`, {})).status).toBe(200);
  const budgetOffice = await apiAs('reviewer2');
  expect((await budgetOffice('PUT', `/api/budgets/${id}/ceilings`, { ceilings: { total: '100000000000' } })).status).toBe(200);
  expect((await budgetOffice('POST', `/api/budgets/${id}/issue-ceilings`, { opinion: '按控制数编制二上' })).status).toBe(200);
  expect((await preparer('POST', `/api/budgets/${id}/submit`, {})).status).toBe(200);

  await story.step('business-office-approves', async () => {
    await story.signIn('reviewer');
    await openQueued();
    await page.getByText('当前环节：业务科室审核（1/2）').waitFor();
    // The 业务科室 reviews but does not set the 控制数: the ceilings are shown without the 预算科's button.
    await page.getByRole('button', { name: '各轮次对比' }).or(page.locator('summary', { hasText: '各轮次对比' })).first().waitFor();
    expect(await page.getByRole('button', { name: /^(修改|填写)控制数$/ }).count()).toBe(0);
    await approveWithOpinion('同意，报预算科');
    // Now at the 预算科's stage: the 业务科室 reads and comments, and is offered neither 批复 nor 退回.
    await page.getByText('该预算正处于「预算科审核」环节').waitFor();
    expect(await page.getByRole('button', { name: /^(批复|退回|审核通过)$/ }).count()).toBe(0);
    await story.shot('01-business-office-approved');
    await story.signOut();
  });

  await story.step('budget-office-returns', async () => {
    await story.signIn('reviewer2');
    await openQueued();
    const trail = page.getByRole('region', { name: '审核记录' });
    await trail.getByText('审核意见：同意，报预算科').waitFor();
    await page.getByRole('button', { name: /^(修改|填写)控制数$/ }).waitFor();
    await page.getByRole('button', { name: '退回' }).click();
    await page.getByRole('dialog').getByLabel('退回意见').fill('项目支出测算依据不足');
    await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await page.getByText('已退回').first().waitFor();
    await story.shot('02-budget-office-returned');
    await story.signOut();
  });

  expect((await preparer('POST', `/api/budgets/${id}/submit`, {})).status).toBe(200);

  await story.step('business-office-approves-again', async () => {
    await story.signIn('reviewer');
    await openQueued();
    // The earlier return and its reason are in the trail of every stage.
    await page.getByRole('region', { name: '审核记录' }).getByText('理由：项目支出测算依据不足').waitFor();
    await approveWithOpinion('已补充测算依据，同意');
    await story.signOut();
  });

  await story.step('budget-office-replies', async () => {
    await story.signIn('reviewer2');
    await openQueued();
    const trail = page.getByRole('region', { name: '审核记录' });
    await trail.getByText('理由：项目支出测算依据不足').waitFor();
    await trail.getByText('审核意见：已补充测算依据，同意').waitFor();
    await story.shot('03-budget-office-trail');
    await page.getByRole('button', { name: '批复' }).click();
    const reply = page.getByRole('dialog', { name: '批复（二下）' });
    await reply.getByLabel('审核意见').fill('同意');
    expect(await reply.getByRole('button', { name: '批复' }).isDisabled()).toBe(true);
    await reply.getByLabel('批复文号').fill('硚财预〔2021〕1号');
    await reply.getByLabel('批复日期').fill('2021-02-20');
    await reply.getByRole('button', { name: '批复' }).click();
    await page.locator('h1 .state', { hasText: '已批复' }).waitFor();
    await page.getByText('批复文号：硚财预〔2021〕1号（2021-02-20）').first().waitFor();
    await story.shot('04-replied');
    // The decided budget stays on the desk, under 已审.
    await page.getByRole('link', { name: '工作台', exact: true }).click();
    await page.waitForURL('**/desk');
    await page.getByRole('region', { name: '已审' }).getByRole('link', { name: '武汉市硚口区大数据中心' }).waitFor();
    await story.shot('05-reviewed-list');
    await story.signOut();
  });
}, 240_000);

it('adjusts the replied budget (调剂) through the chain, a delegate acting for the 业务科室, and shows 年初 / 调整数 / 调整后', async () => {
  await story.step('preparer-asks-adjustment', async () => {
    await story.signIn('preparer');
    await page.goto(`${server.baseUrl}/budgets/${id}`);
    await page.getByRole('button', { name: '申请预算调整' }).click();
    const dialog = page.getByRole('dialog');
    // Kind and reason are both required, and the dialog says so.
    await dialog.getByText('请选择调整类型').waitFor();
    expect(await dialog.getByRole('button', { name: '申请预算调整' }).isDisabled()).toBe(true);
    await dialog.getByLabel('调整类型').selectOption('transfer');
    await dialog.getByLabel('调整原因').fill('调剂基本工资与津贴补贴');
    await dialog.getByRole('button', { name: '申请预算调整' }).click();
    await page.locator('h1 .state', { hasText: '草稿' }).waitFor();
    await story.signOut();
  });

  // The preparer's edit (this story is not about the grid): 10 000.00 元 moved from the second line to the first, then submit.
  const preparer = await apiAs('preparer');
  const current = (await (await preparer('GET', `/api/budgets/${id}`)).json()) as { version: number; lines: { expenditure: { items: { amount: string }[] } } };
  const [line, other] = current.lines.expenditure.items;
  if (line === undefined || other === undefined) throw new Error('the budget has fewer than two lines');
  const moved = (l: { amount: string }, fen: bigint) => {
    const text = (BigInt(l.amount.replace('.', '')) + fen).toString();
    return `${text.slice(0, -2)}.${text.slice(-2)}`;
  };
  const edit = { version: current.version, upsertExpenditure: [{ ...line, amount: moved(line, 1_000_000n) }, { ...other, amount: moved(other, -1_000_000n) }] };
  expect((await preparer('PATCH', `/api/budgets/${id}/lines`, edit)).status).toBe(200);
  expect((await preparer('POST', `/api/budgets/${id}/submit`, {})).status).toBe(200);

  await story.step('reviewer-delegates', async () => {
    await story.signIn('reviewer');
    await page.getByRole('link', { name: '委托审核' }).click();
    const form = page.getByRole('form', { name: '新建委托' });
    await form.getByRole('button', { name: '委托' }).click();
    await form.getByText('请选择受托人').waitFor();
    await form.getByLabel('受托人').selectOption('reviewer3');
    const today = new Date().toISOString().slice(0, 10);
    await form.getByLabel('开始日期').fill(today);
    await form.getByLabel('结束日期').fill(today);
    await form.getByLabel('委托事由').fill('外出培训');
    await form.getByRole('button', { name: '委托' }).click();
    await form.getByRole('status').waitFor();
    await page.getByRole('region', { name: '我委托的' }).getByText('委托中').waitFor();
    await story.shot('06-delegation');
    await story.signOut();
  });

  await story.step('delegate-approves-adjustment', async () => {
    await story.signIn('reviewer3');
    // Through the delegation, the 业务科室's stage is reviewer3's for today: the budget waits on their desk.
    await page.getByRole('region', { name: '待本环节审核' }).getByRole('row').filter({ hasText: '武汉市硚口区大数据中心' }).filter({ hasText: '预算调整' }).waitFor();
    await page.goto(`${server.baseUrl}/budgets/${id}`);
    await page.getByRole('heading', { name: '审核记录' }).waitFor();
    const adjustment = page.getByRole('article', { name: '调剂：调剂基本工资与津贴补贴' });
    await adjustment.getByText('调整中').waitFor();
    await adjustment.getByRole('button', { name: '按明细' }).click();
    // The two lines the 调剂 changes stand out, one up and one down by 10 000.00 元.
    const changed = adjustment.locator('tr.changed');
    await changed.filter({ hasText: '-10,000.00' }).waitFor();
    expect(await changed.count()).toBe(2);
    await approveWithOpinion('代为审核，同意调剂');
    await page.getByRole('region', { name: '审核记录' }).getByText(/（代财政局审核人一/).waitFor();
    await story.shot('07-delegate-approved-adjustment');
    await story.signOut();
  });

  const budgetOffice = await apiAs('reviewer2');
  const reply = await budgetOffice('POST', `/api/budgets/${id}/approve`, { opinion: '同意', documentNo: '硚财预调〔2021〕1号', date: '2021-06-30' });
  expect(reply.status).toBe(200);

  await story.step('department-reads-adjustment', async () => {
    await story.signIn('preparer');
    await page.goto(`${server.baseUrl}/budgets/${id}`);
    const adjustment = page.getByRole('article', { name: '调剂：调剂基本工资与津贴补贴' });
    await adjustment.getByText('已批复：硚财预调〔2021〕1号（2021-06-30）').waitFor();
    // A 调剂 leaves the total as it was.
    await adjustment.getByRole('row', { name: /合计/ }).getByRole('cell', { name: '0.00', exact: true }).waitFor();
    await adjustment.getByRole('button', { name: '按明细' }).click();
    await adjustment.getByRole('columnheader', { name: '经济科目' }).waitFor();
    await adjustment.scrollIntoViewIfNeeded();
    await story.shot('08-adjustment-compared');
    await story.signOut();
  });
}, 240_000);
