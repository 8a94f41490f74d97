import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogueForYear, validateBudget, ZBudgetDocument, type TBudgetDocument } from '@budgetflow/domain';
import type { Page } from 'playwright-core';
import { exportBudgetTemplate, importBudgetTemplate } from '../../apps/api/src/modules/reports/xlsx/budget-template';
import type { TBrowser } from './support/browser';
import { DEMO_PASSWORD, type TBudgetflowServer } from './support/budgetflow-server';
import { storyStep } from './support/story-step';
import { closeStory, openStory } from './support/open-story';
import { signInAs, signOutOf } from './support/session';

/**
 * The whole story in Debian's Chromium against Budgetflow as `pnpm start` runs it: the preparer
 * imports the seed and fixes a finding, a reviewer comments and returns, the preparer answers
 * and resubmits, another reviewer approves, the publisher publishes, and a visitor reads 表1 and
 * downloads the PDF. The preparer imports the seed as the workbook template (made here from the
 * fixture by the API's own exporter), uploaded through the editor's file input.
 * Each desk leaves a screenshot in test-results/web-e2e.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/web-e2e');
const SEED_FILE = path.resolve(__dirname, '../../packages/domain/fixtures/qiaokou-bigdata-2020.json');
const BROKEN_LINE = 'L005';

/** The seed with one basic line wrongly marked as a project line (and so without its project). */
function seedWithMistake(): TBudgetDocument {
  const seed = ZBudgetDocument.parse(JSON.parse(readFileSync(SEED_FILE, 'utf8')));
  return {
    ...seed,
    expenditureLines: seed.expenditureLines.map((l) =>
      l.id === BROKEN_LINE ? { ...l, kind: 'project' as const } : l,
    ),
  };
}

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS));
}, 180_000);

afterAll(() => closeStory({ server, browser, page }));

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });

const signIn = (username: string) => signInAs(page, server.baseUrl, username);
const signOut = () => signOutOf(page);

/** Another session (a script with a bearer token) changes one line of the budget being edited. */
async function editElsewhere(
  username: string,
  lineId: string,
  change: Record<string, string>,
): Promise<void> {
  const login = (await (
    await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    })
  ).json()) as { accessToken: string };
  const auth = { Authorization: `Bearer ${login.accessToken}` };
  const list = (await (await fetch(`${server.baseUrl}/api/budgets?year=2020`, { headers: auth })).json()) as {
    items: { id: string }[];
  };
  const id = list.items[0]?.id ?? '';
  const current = await fetch(`${server.baseUrl}/api/budgets/${id}/document`, { headers: auth });
  const document = (await current.json()) as TBudgetDocument;
  const line = document.expenditureLines.find((l) => l.id === lineId);
  const patched = await fetch(`${server.baseUrl}/api/budgets/${id}/lines`, {
    method: 'PATCH',
    headers: { ...auth, 'content-type': 'application/json', 'If-Match': current.headers.get('etag') ?? '' },
    body: JSON.stringify({ upsertExpenditure: [{ ...line, ...change }] }),
  });
  expect(patched.status).toBe(200);
}

async function openFromDesk(link: RegExp | string): Promise<void> {
  await page
    .getByRole('main')
    .getByRole('link', { name: link, exact: typeof link === 'string' })
    .first()
    .click();
  await page.waitForURL('**/budgets/*');
}

async function saveAndWait(): Promise<void> {
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText(/^已保存（版本 \d+）$/).waitFor();
}

async function submitWithSummary(): Promise<void> {
  await page.getByRole('button', { name: '送审' }).click();
  const dialog = page.getByRole('dialog', { name: '送审摘要' });
  await dialog.getByText('604.4 万元').first().waitFor();
  await dialog.getByRole('button', { name: '确认送审' }).click();
  await page.locator('h1 .state', { hasText: '审核中' }).waitFor();
}

/** Asks `check` again (every second) until it holds; fails naming `what` after `timeoutMs`. */
async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Runs a step of the story; when it fails, the page as it was goes to test-results for the person debugging. */
const step = (name: string, work: () => Promise<void>) => storyStep(page, SHOTS, name, work);

it('carries the seed from draft to published, in the browser', async () => {
  let publicPath = '';
  // The preparer imports the seed's workbook with a mistake in it.
  await step('preparer-imports-fixes-submits', async () => {
    await signIn('preparer');
    await shot('01-preparer-desk');
    await openFromDesk(/打开 2020/);
    const broken = seedWithMistake();
    await page.getByTestId('import-file').setInputFiles({
      name: 'qiaokou-bigdata-2020.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await exportBudgetTemplate(broken),
    });
    // The workbook is shown as a preview first, and applied on confirm.
    await page.getByRole('dialog', { name: '导入预览' }).waitFor();
    await shot('01b-workbook-preview');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(`已导入，共 ${broken.expenditureLines.length} 行`).waitFor();

    // … sees the finding, jumps to its cell and fixes it.
    const expected = validateBudget(broken, catalogueForYear(broken.fiscalYear)).find(
      (f) => f.location.kind === 'line' && f.location.lineId === BROKEN_LINE && f.severity === 'error',
    );
    expect(expected).toBeDefined();
    const findings = page.getByRole('region', { name: /校验结果/ });
    await findings.getByRole('button', { name: expected!.message.zh }).click();
    await page.waitForFunction(
      (cell) => document.activeElement?.getAttribute('data-cell') === cell,
      `${BROKEN_LINE}:${(expected!.location as { field?: string }).field ?? 'amount'}`,
    );
    await shot('02-editor-finding');
    const kind = page.getByLabel('支出类型 5', { exact: true });
    await kind.focus(); // a row's selects list their options while in use
    await kind.selectOption('basic-personnel');
    await findings.getByText('0 个错误').waitFor();
    // The code pickers search the catalogue by name (nothing is changed: Escape).
    const picker = page.getByRole('combobox', { name: '经济科目 2', exact: true });
    await picker.fill('办公');
    await page.getByRole('option', { name: '30201 办公费' }).waitFor();
    await shot('02b-editor-code-picker');
    await picker.press('Escape');
    await saveAndWait();
    // The exported template is the saved version: the fix is in it, and it reads back whole.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出工作簿模板' }).click()]);
    const exported = await importBudgetTemplate(broken, readFileSync(await template.path()));
    expect(exported.ok && exported.document.expenditureLines.find((l) => l.id === BROKEN_LINE)?.kind).toBe('basic-personnel');
    expect(exported.ok && exported.document.expenditureLines.length).toBe(broken.expenditureLines.length);
    await page.getByRole('tab', { name: '公开表 (10)' }).click();
    await page.locator('#live-table').getByText('604.4').first().waitFor();
    await shot('03-editor-live-tables');
    await submitWithSummary();
    await signOut();
  });

  // A reviewer comments on a row of 表1 and returns the budget with a reason.
  await step('reviewer-returns', async () => {
    await signIn('reviewer');
    await page.getByRole('heading', { name: '待审核预算' }).waitFor();
    await shot('04-reviewer-queue');
    await openFromDesk('审核');
    await page.locator('#live-table tbody tr').first().click();
    await page.getByText(/意见对象: 表格行 表一 一.财政拨款/).waitFor();
    await page.getByLabel('意见内容').fill('请核实人员经费的测算依据。');
    await page.getByRole('button', { name: '添加意见' }).click();
    await page.getByText('请核实人员经费的测算依据。').waitFor();
    // … and on a line, picked in the lines as submitted.
    await page.getByRole('button', { name: `意见对象 5 ${BROKEN_LINE}` }).click();
    await page.getByText(new RegExp(`意见对象: 支出明细行 ${BROKEN_LINE}`)).waitFor();
    await page.getByLabel('意见内容').fill('此行原为项目支出，请确认改为人员经费。');
    await page.getByRole('button', { name: '添加意见' }).click();
    await page.getByText('此行原为项目支出，请确认改为人员经费。').waitFor();
    await page.getByRole('button', { name: '退回' }).click();
    const returning = page.getByRole('dialog', { name: '退回' });
    await returning.getByLabel('退回意见').fill('人员经费测算依据不足，请补充说明。');
    await returning.getByRole('button', { name: '退回' }).click();
    await page.locator('h1 .state', { hasText: '已退回' }).waitFor();
    await shot('05-reviewer-desk-returned');
    await signOut();
  });

  // The preparer reads the reason, answers the comment, adds a note and resubmits.
  await step('preparer-answers-resubmits', async () => {
    await signIn('preparer');
    await openFromDesk(/打开 2020/);
    await page.getByText('人员经费测算依据不足，请补充说明。').waitFor();
    await page.getByLabel('答复').first().fill('已补充测算依据。');
    await page.getByRole('button', { name: '答复' }).first().click();
    await page.getByText('已补充测算依据。').waitFor();
    // The comment on a line takes the preparer to that line.
    await page.getByRole('button', { name: new RegExp(`支出明细行 ${BROKEN_LINE}`) }).click();
    await page.waitForFunction(
      (cell) => document.activeElement?.getAttribute('data-cell') === cell,
      `${BROKEN_LINE}:amount`,
    );
    await page.getByLabel('备注 1', { exact: true }).fill('按编制人数核定');
    // Meanwhile the same budget is changed elsewhere: the save is refused, shows their change, keeps ours.
    await editElsewhere('preparer', 'L002', { note: '另一处的修改' });
    await page.getByRole('button', { name: '保存' }).click();
    const conflict = page.getByRole('dialog', { name: '预算已被他人修改' });
    await conflict.getByText('另一处的修改').waitFor();
    await shot('06a-preparer-conflict');
    await conflict.getByRole('button', { name: '在最新版本上保留我的修改' }).click();
    expect(await page.getByLabel('备注 1', { exact: true }).inputValue()).toBe('按编制人数核定');
    expect(await page.getByLabel('备注 2', { exact: true }).inputValue()).toBe('另一处的修改');
    await saveAndWait();
    await shot('06-preparer-answered');
    await page.setViewportSize({ width: 1024, height: 768 }); // a tablet, landscape
    await shot('06b-editor-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('tab', { name: /Expenditure lines/ }).waitFor();
    await shot('06c-editor-english');
    await page.getByRole('button', { name: 'Switch language' }).click();
    await submitWithSummary();
    await signOut();
  });

  // Another reviewer sees what changed between the revisions and approves.
  await step('reviewer2-approves', async () => {
    await signIn('reviewer2');
    await openFromDesk('审核');
    await page.getByRole('table', { name: '明细变动' }).getByText('按编制人数核定').waitFor();
    await shot('07-reviewer2-diff');
    await page.getByRole('button', { name: '批复' }).click();
    // The only stage's approval is the 批复: an opinion, the document number and its date.
    const reply = page.getByRole('dialog');
    await reply.getByLabel('审核意见').fill('同意');
    await reply.getByLabel('批复文号').fill('硚财预〔2020〕1号');
    await reply.getByLabel('批复日期').fill(new Date().toISOString().slice(0, 10));
    await reply.getByRole('button', { name: '批复' }).click();
    await page.locator('h1 .state', { hasText: '已批复' }).waitFor();
    await signOut();
  });

  // The publisher sees the 20-day clock, checks the disclosure and publishes it.
  await step('publisher-publishes', async () => {
    await signIn('publisher');
    await page.getByText(/剩余 (19|20) 天/).waitFor();
    // The approval reached the publisher as a notification (written by the worker).
    const bell = page.getByRole('button', { name: /通知/ });
    await until('a notification for the publisher', 30_000, async () => {
      await page.reload();
      await bell.waitFor();
      return (await bell.locator('.badge').count()) > 0;
    });
    await bell.click();
    await page.getByRole('region', { name: '通知' }).getByRole('link', { name: '已批复' }).waitFor();
    await shot('08-publisher-desk');
    await bell.click();
    await openFromDesk('公开');
    await page.locator('#table-T1').getByText('604.4').first().waitFor();
    await page.getByRole('button', { name: '公开' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '公开' }).click();
    const link = page.getByTestId('public-link');
    await link.waitFor();
    await shot('09-publisher-published');
    publicPath = new URL((await link.textContent()) ?? '').pathname;
    await signOut();
  });

  // Anyone opens the portal, finds the disclosure and reads 表1.
  await step('visitor-reads', async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/portal`);
    await page.getByRole('link', { name: /2020年部门预算/ }).click();
    await page.waitForURL(`**${publicPath}`);
    const t1 = page.locator('#table-T1');
    await t1.getByRole('heading', { name: /收支预算总表/ }).waitFor();
    await t1.getByText('604.4').first().waitFor();
    await page.locator('.chart svg').first().waitFor();
    await shot('10-portal-disclosure');
    // … and downloads the PDF (rendered by the worker after publication): its bytes hash to the listed sha256.
    const pdf = page.locator('a[data-format="pdf"]');
    await pdf.waitFor({ timeout: 60_000 });
    const listed = (await page.locator(`.hashes tr[data-url="${await pdf.getAttribute('href')}"] code.hash`).textContent())?.trim();
    const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(listed);
    await page.locator('#downloads').scrollIntoViewIfNeeded();
    await shot('10b-portal-downloads');
    // On a tablet, in English, and printed: the same page.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('heading', { name: 'Downloads' }).waitFor();
    await shot('11-portal-tablet-english');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.charts').isVisible()).toBe(false);
    await t1.scrollIntoViewIfNeeded();
    await shot('12-portal-print');
  });
}, 240_000);
