import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZBudgetDocument } from '@budgetflow/domain';
import type { Page } from 'playwright-core';
import type { TBrowser } from './support/browser';
import { DEMO_PASSWORD, type TBudgetflowServer } from './support/budgetflow-server';
import { storyStep } from './support/story-step';
import { APPROVAL } from '../../apps/api/test/e2e/budget-test-kit';
import { closeStory, openStory } from './support/open-story';
import { signInAs } from './support/session';

/**
 * A preparer who never saw JSON prepares a year in the forms: the 2020 budget is published (over
 * the API, as the reviewer and publisher would), the preparer starts 2021 from it, follows a
 * finding to the field that fixes it, fills Part 1, 表九, one new project with indicators, the
 * other matters of Part 3, saves, and submits with zero errors. Each new screen leaves a
 * screenshot in test-results/editor-forms.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/editor-forms');
const SEED = ZBudgetDocument.parse(
  JSON.parse(readFileSync(path.resolve(__dirname, '../../packages/domain/fixtures/qiaokou-bigdata-2020.json'), 'utf8')),
);

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;

async function as(username: string): Promise<Record<string, string>> {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/** The demo's 2020 draft submitted, approved and published, as the three desks would. */
async function publish2020(): Promise<void> {
  const preparer = await as('preparer');
  const list = (await (await fetch(`${server.baseUrl}/api/budgets?year=2020`, { headers: preparer })).json()) as { items: { id: string }[] };
  const id = list.items[0]?.id ?? '';
  for (const [who, action] of [['preparer', 'submit'], ['reviewer', 'approve'], ['publisher', 'publish']] as const) {
    const headers = { ...(who === 'preparer' ? preparer : await as(who)), 'Content-Type': 'application/json' };
    const answer = await fetch(`${server.baseUrl}/api/budgets/${id}/${action}`, { method: 'POST', headers, ...(action === 'approve' ? { body: JSON.stringify(APPROVAL) } : {}) });
    if (answer.status !== 200) throw new Error(`${action} answered ${answer.status}: ${await answer.text()}`);
  }
}

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS, { prepare: async (started) => {
      server = started;
      await publish2020();
    } }));
}, 240_000);

afterAll(() => closeStory({ server, browser, page }));

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const tab = (name: string) => page.getByRole('tab', { name, exact: true });
const findings = () => page.getByRole('region', { name: /校验结果/ });

const step = (name: string, work: () => Promise<void>) => storyStep(page, SHOTS, name, work);

it('prepares the 2021 budget from the published 2020 one through the forms, and submits it', async () => {
  await step('start-from-last-year', async () => {
    await signInAs(page, server.baseUrl, 'preparer');
    await shot('01-desk-offer');
    await page.getByRole('button', { name: '以 2020 年预算为起点新建 2021 年预算' }).click();
    await page.waitForURL('**/budgets/*');
    const carried = page.getByRole('status', { name: '已从 2020 年预算结转' });
    await carried.getByText(`支出明细 ${SEED.expenditureLines.length} 条`, { exact: false }).waitFor();
    await findings().getByText('0 个错误').waitFor();
    await shot('02-editor-carried');
  });

  await step('finding-to-field', async () => {
    // The one warning of a carried year: 表九's annual target. It leads to the field itself.
    await findings().getByRole('button', { name: '未填写部门整体支出年度绩效目标' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'field-performance.annualTarget');
    expect(await tab('表九 部门整体绩效').getAttribute('aria-selected')).toBe('true');
    await page.getByLabel('年度目标', { exact: true }).fill('保障全区政务外网、视频会议、机房等平稳运行，推进数据共享。');
    await page.getByLabel('年度工作任务', { exact: true }).fill('一是运维保障；二是数据共享；三是网络安全。');
    await findings().getByRole('button', { name: '未填写部门整体支出年度绩效目标' }).waitFor({ state: 'detached' });
    await shot('03-form-performance');
  });

  await step('part-1', async () => {
    await tab('部门概况').click();
    await page.getByRole('button', { name: '添加职能' }).click();
    await page.getByLabel(`职能 ${SEED.department.functions.length + 1}`, { exact: true }).fill('负责全区政务数据资源的汇聚、共享和开放。');
    await page.getByLabel('在职实有人数（总）').fill('13');
    await page.getByLabel('实有人数（按类型） · 人数 1').fill('13');
    // A unit code the schema refuses is said beside the field, in Chinese, and holds back saving.
    const code = page.getByLabel('单位编码 1', { exact: true });
    await code.fill('019 001');
    await page.getByText('编码为 1–20 位字母或数字').waitFor();
    expect(await page.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);
    await shot('04-form-department-invalid');
    await code.fill(SEED.department.units[0]!.code);
    await page.getByText('编码为 1–20 位字母或数字').waitFor({ state: 'detached' });
    await shot('05-form-department');
  });

  await step('new-project', async () => {
    await tab('项目').click();
    await page.getByRole('button', { name: '新增项目' }).click();
    expect(await page.getByLabel('项目编号').inputValue()).toBe('P2021-001');
    await page.getByLabel('项目名称', { exact: true }).fill('政务云扩容');
    await page.getByLabel('项目立项依据').fill('区政府常务会议纪要〔2020〕12号。');
    await page.getByLabel('项目绩效总目标').fill('完成政务云计算资源扩容，满足全区业务系统上云需要。');
    await page.getByRole('button', { name: '添加明细' }).click();
    await page.getByLabel('经济科目 1', { exact: true }).fill('30227');
    await page.getByLabel('测算依据及说明 1', { exact: true }).fill('按扩容节点数测算，下半年纳入预算调整。');
    const indicators = page.getByRole('group', { name: '绩效指标', exact: true });
    for (const [name, target] of [['扩容计算节点数', '≥20个'], ['系统可用率', '≥99%']] as const) {
      await indicators.getByRole('button', { name: '添加指标' }).click();
      await indicators.getByLabel(/^三级指标（指标名称） \d+$/).last().fill(name);
      await indicators.getByLabel(/^预期值 \d+$/).last().fill(target);
    }
    await indicators.getByLabel('二级指标 2', { exact: true }).fill('质量指标');
    await shot('06-form-project');
  });

  await step('last-year-and-part-3', async () => {
    await tab('上年数与变动原因').click();
    expect(await page.getByLabel('收支总计', { exact: true }).inputValue()).toBe('6,044,000.00');
    await page.getByLabel('收支总额变动原因').fill('与上年持平。');
    await shot('07-form-prior-year');
    await tab('第三部分 其他说明').click();
    await page.getByLabel('预算绩效管理情况').fill('全面实施预算绩效管理，项目全部设定绩效目标。');
    await shot('08-form-part3-notes');
  });

  await step('save-reload-submit', async () => {
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(/^已保存（版本 \d+）$/).waitFor();
    // What the forms wrote is stored: it is there after a reload.
    await page.reload();
    await tab('部门概况').click();
    expect(await page.getByLabel(`职能 ${SEED.department.functions.length + 1}`, { exact: true }).inputValue()).toBe('负责全区政务数据资源的汇聚、共享和开放。');
    await tab('项目').click();
    await page.getByRole('combobox', { name: '项目', exact: true }).selectOption('P2021-001');
    expect(await page.getByLabel(/^三级指标（指标名称） \d+$/).count()).toBe(2);
    await findings().getByText('0 个错误').waitFor();
    await shot('09-findings-zero-errors');
    await page.getByRole('button', { name: '送审' }).click();
    const dialog = page.getByRole('dialog', { name: '送审摘要' });
    await dialog.getByRole('button', { name: '确认送审' }).click();
    await page.locator('h1 .state', { hasText: '审核中' }).waitFor();
    await shot('10-submitted');
  });
}, 300_000);
