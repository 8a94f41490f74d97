import { catalogueForYear, editionOf } from '@budgetflow/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { catalogueWorkbook } from '../../apps/api/test/utils/catalogue-workbook';
import type { TBrowser } from './support/browser';
import type { TBudgetflowServer } from './support/budgetflow-server';
import { closeStory, openStory } from './support/open-story';
import { signInAs, signOutOf } from './support/session';

/**
 * The administrator runs Budgetflow from the browser (issue 13's admin desk), in Debian's Chromium
 * against Budgetflow as `pnpm start` runs it: creates a reviewer with a review scope, sets the
 * 2021 disclosure template, uploads the 2021 classification workbook, reads the preview of its
 * changes and puts it in force; the auditor (安全审计员), not the administrator whose actions the
 * trail records (三员分立), then finds each of those changes in it and verifies its chain.
 * Screenshots in test-results/admin-desk.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/admin-desk');
/** Observed codes, never typed from memory: vendored from ../shared/codes (see its README there), since a clone has no ../shared. */
const OBSERVED_FUNCTIONS = path.resolve(__dirname, '../../packages/domain/fixtures/observed-codes/function-codes-observed.csv');

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS));
}, 180_000);

afterAll(() => closeStory({ server, browser, page }));

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** The shipped 2021 lists with one observed 项 added under a 款 they have: the preview names exactly that one. */
async function workbook2021(): Promise<{ bytes: Buffer; added: { code: string; name: string } }> {
  const shipped = editionOf(catalogueForYear(2021));
  const known = new Set(shipped.functional.map((e) => e.code));
  const added = readFileSync(OBSERVED_FUNCTIONS, 'utf8')
    .split('\n')
    .map((line) => line.split(','))
    .map(([code, level, name]) => ({ code: code ?? '', level, name: name ?? '' }))
    .find((e) => e.level === '项' && !known.has(e.code) && known.has(e.code.slice(0, 5)));
  if (added === undefined) throw new Error('no observed 项 outside the shipped 2021 edition');
  const functional = [...shipped.functional, { code: added.code, name: added.name }].sort((a, b) => (a.code < b.code ? -1 : 1));
  return { bytes: await catalogueWorkbook({ 支出功能分类: functional, 部门经济分类: shipped.economic }), added };
}

it('creates a user with a role and scope, sets a template, uploads a catalogue with its preview; the auditor finds it all in the audit trail', async () => {
  await signInAs(page, server.baseUrl, 'admin');
  const adminNav = page.getByRole('navigation', { name: '系统管理' });
  await adminNav.getByRole('link', { name: '用户' }).click();
  // The administrator's desk has no audit trail: it is the auditor's.
  expect(await adminNav.getByRole('link', { name: '审计日志' }).count()).toBe(0);
  await page.waitForURL('**/admin/users');

  const form = page.getByRole('form', { name: '新建用户' });
  await form.getByLabel('用户名').fill('reviewer9');
  await form.getByLabel('姓名').fill('审核人九');
  await form.getByLabel('初始密码').fill('a-long-enough-password');
  await form.getByLabel('角色').selectOption('reviewer');
  await form.getByRole('group', { name: /审核范围/ }).getByRole('checkbox').first().check();
  const scopeCode = ((await form.getByRole('group', { name: /审核范围/ }).locator('label').first().textContent()) ?? '').trim().split(' ')[0];
  await form.getByRole('button', { name: '创建' }).click();
  const row = page.getByRole('row', { name: /reviewer9/ });
  await row.waitFor();
  expect(await row.textContent()).toContain('财政局审核人');
  expect(await row.textContent()).toContain(scopeCode);
  await shot('1-user-created');

  await page.getByRole('link', { name: '年度、模板与分类科目' }).click();
  await page.getByLabel('2021 年度公开模板').selectOption('shanghai-district');
  const yearRow = page.getByRole('row', { name: /^2021/ });
  await yearRow.getByRole('button', { name: '保存' }).click();
  await yearRow.getByRole('status').waitFor();

  await page.getByRole('region', { name: '政府收支分类科目' }).getByLabel('年度').selectOption('2021');
  const { bytes, added } = await workbook2021();
  await page.getByLabel('分类科目工作簿（.xlsx）').setInputFiles({ name: '2021分类科目.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await page.getByRole('button', { name: '上传并预览变化' }).click();
  const preview = page.getByRole('region', { name: '2021 年度分类科目的变化' });
  await preview.getByText(`+ ${added.code} ${added.name}`).waitFor();
  expect(await preview.textContent()).toContain('支出功能分类：新增 1，改名 0，删除 0');
  await shot('2-catalogue-preview');
  await preview.getByRole('button', { name: '确认启用此版本' }).click();
  await preview.getByText('此版本已启用').waitFor();

  // the demo bureau's offices and its 2021 chain (from the bureau module), as the administrator sees them
  await page.getByRole('link', { name: '财政局与审核流程' }).click();
  await page.getByRole('table', { name: '科室' }).first().waitFor();
  await page.getByRole('region', { name: '审核流程' }).first().getByRole('listitem').first().waitFor();
  await shot('3-bureau');
  await signOutOf(page);

  await signInAs(page, server.baseUrl, 'auditor');
  const search = page.getByRole('search', { name: '查询' });
  await search.getByLabel('操作人', { exact: true }).fill('admin');
  await search.getByRole('button', { name: '查询' }).click();
  const trail = page.getByRole('table', { name: '审计日志' });
  // Each action in words (user.create, fiscal-year.put, catalogue.upload, catalogue.confirm).
  for (const action of ['新建用户', '设置预算年度', '上传科目表', '启用科目表']) {
    await trail.getByRole('row', { name: new RegExp(action) }).first().waitFor();
  }
  // The template by its name, not its id (shanghai-district).
  expect(await trail.getByRole('row', { name: /设置预算年度/ }).first().textContent()).toContain('公开模板：上海市区级部门预算公开（九张表）');
  await search.getByLabel('操作', { exact: true }).fill('user.create');
  await search.getByRole('button', { name: '查询' }).click();
  await trail.getByRole('row', { name: /reviewer9/ }).waitFor();
  expect(await trail.getByRole('row').count()).toBe(2); // the header and the one creation
  await page.getByRole('button', { name: '核验审计链' }).click();
  await page.getByRole('status').filter({ hasText: /^审计链完整：已核验全部 \d+ 条记录。$/ }).waitFor();
  await shot('4-auditor-audit-search');
}, 240_000);
