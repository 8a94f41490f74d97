import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TBrowser } from './support/browser';
import type { TBudgetflowServer } from './support/budgetflow-server';
import { closeStory, openStory } from './support/open-story';
import { signInAs } from './support/session';

/**
 * The lines grid as a preparer used to Excel meets it, in Debian's Chromium against Budgetflow as
 * `pnpm start` runs it: ten rows copied from a sheet (tab-separated, CRLF, codes with names,
 * amounts with separators, 支出类型 in Chinese) pasted through the clipboard, undone and redone,
 * an amount typed and the page reloaded before saving (the edit comes back from the browser's
 * draft), then saved. Screenshots in test-results/editor-grid.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/editor-grid');

/** Ten rows as Excel puts them on the clipboard. */
const TEN_ROWS = `${Array.from(
  { length: 10 },
  (_, i) =>
    `019001\t2010350 事业运行\t基本工资\t人员经费\t\t经费拨款（补助）\t${(12_000 + i * 1_000).toLocaleString('en-US')}.50\t粘贴第${i + 1}行`,
).join('\r\n')}\r\n`;

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS, { clipboard: true }));
}, 180_000);

afterAll(() => closeStory({ server, browser, page }));

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
const rowCount = async () =>
  Number(await page.getByRole('table', { name: '支出明细' }).getAttribute('aria-rowcount')) - 2;
const cell = (label: string) => page.getByLabel(label, { exact: true });
/** Scrolls the grid to its first or last rows (only the rows in view are in the page). */
const scrollGrid = (to: 'top' | 'bottom') =>
  page
    .getByTestId('grid-viewport')
    .evaluate((viewport, end) => viewport.scrollTo({ top: end === 'top' ? 0 : viewport.scrollHeight }), to);

it('pastes ten rows from Excel, undoes and redoes, keeps an unsaved edit over a reload, and saves', async () => {
  await signInAs(page, server.baseUrl, 'preparer');
  await page
    .getByRole('main')
    .getByRole('link', { name: /打开 2020/ })
    .first()
    .click();
  await page.waitForURL('**/budgets/*');
  await page.getByRole('table', { name: '支出明细' }).waitFor();
  const before = await rowCount();

  // Ctrl+V on the last row's 单位: the block fills from there and adds nine rows.
  await page.evaluate((text) => navigator.clipboard.writeText(text), TEN_ROWS);
  await scrollGrid('bottom');
  await cell(`单位 ${before}`).focus();
  await page.keyboard.press('Control+v');
  await page.getByText('已粘贴：识别 70 个单元格，涉及 10 行（新增 9 行），未采用 0 个单元格。').waitFor();
  expect(await rowCount()).toBe(before + 9);
  await scrollGrid('bottom');
  await expect(cell(`金额（元） ${before + 9}`).inputValue()).resolves.toBe('21,000.50');
  await expect(cell(`备注 ${before + 9}`).inputValue()).resolves.toBe('粘贴第10行');
  await shot('01-pasted-ten-rows');

  // The whole paste is one step back, and one forward.
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-line]').length > 0 &&
      !document.querySelector(`[aria-label="备注 ${n}"]`),
    before + 9,
  );
  expect(await rowCount()).toBe(before);
  await page.getByRole('button', { name: '重做', exact: true }).click();
  await scrollGrid('bottom');
  await cell(`备注 ${before + 9}`).waitFor();
  expect(await rowCount()).toBe(before + 9);

  // An amount typed, and the page reloaded before saving: the browser kept it.
  await scrollGrid('top');
  const amount = cell('金额（元） 1');
  await amount.focus();
  await page.keyboard.type('4321');
  // The status says when the browser holds the edits as they are now (written just after the last keystroke).
  await page.getByText('11 处未保存（已存于本浏览器）').waitFor();
  await page.reload();
  await page.getByText(/已恢复本浏览器中尚未保存的 11 处修改/).waitFor();
  await expect(cell('金额（元） 1').inputValue()).resolves.toBe('4,321.00');
  expect(await rowCount()).toBe(before + 9);
  await shot('02-restored-after-reload');

  // Saved: only the changed lines go; the draft is gone, and a reload shows what the server has.
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await page.getByText(/^已保存（版本 \d+）$/).waitFor();
  await page.reload();
  await page.getByRole('table', { name: '支出明细' }).waitFor();
  await expect(cell('金额（元） 1').inputValue()).resolves.toBe('4,321.00');
  await scrollGrid('bottom');
  await expect(cell(`备注 ${before + 9}`).inputValue()).resolves.toBe('粘贴第10行');
  expect(await page.getByText(/已恢复本浏览器/).count()).toBe(0);
  await shot('03-saved');
}, 240_000);

it('opens the code picker on the last row fully in view and as wide as its entries; keeps and lists what it refuses; follows typing in the ceilings', async () => {
  // After the story above: the budget is saved, nothing is changed.
  const save = page.getByRole('button', { name: '保存', exact: true }).first();
  expect(await save.isDisabled()).toBe(true);
  await page.locator('#save-why', { hasText: '无修改' }).waitFor();

  // The last row's 功能科目: the list opens upward (no room below), whole, sized to its entries.
  await scrollGrid('bottom');
  const last = await rowCount();
  const picker = page.getByRole('combobox', { name: `功能科目 ${last}`, exact: true });
  await picker.fill('201');
  const list = page.getByRole('listbox', { name: `功能科目 ${last}` });
  await list.getByRole('option').first().waitFor();
  // The list follows its input when the page moves it (a notice above the grid going away): wait
  // until it sits above the input, then measure both.
  await page.waitForFunction(
    ([listName, inputName]) => {
      const [l, i] = [document.querySelector(`[role=listbox][aria-label="${listName}"]`), document.querySelector(`[role=combobox][aria-label="${inputName}"]`)];
      return l !== null && i !== null && l.getBoundingClientRect().bottom <= i.getBoundingClientRect().top + 1;
    },
    [`功能科目 ${last}`, `功能科目 ${last}`],
    { timeout: 30_000 },
  );
  const box = (await list.boundingBox())!;
  const input = (await picker.boundingBox())!;
  const window = page.viewportSize()!;
  expect(box.height).toBeGreaterThan(100);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(input.y + 1); // above the input, not over it
  expect(box.width).toBeGreaterThanOrEqual(input.width - 1);
  expect(box.width).toBeLessThan(window.width / 2);
  await shot('04-picker-last-row');
  await picker.press('Escape');

  // A code the catalogue lacks is kept as typed, marked, and says why.
  await picker.fill('2019999');
  await picker.press('Tab');
  await expect(picker.inputValue()).resolves.toBe('2019999');
  expect(await picker.getAttribute('aria-invalid')).toBe('true');
  await page.getByTestId('grid-viewport').getByText('无此科目：2019999', { exact: true }).waitFor();
  await page.getByRole('region', { name: /校验结果/ }).getByRole('button', { name: '功能科目「2019999」未能保存：无此科目：2019999' }).waitFor();
  await picker.focus();
  await picker.press('Escape');
  await expect(picker.inputValue()).resolves.not.toBe('2019999');

  // The ceilings panel's 支出总额 figure follows what is typed, before any save.
  await scrollGrid('top');
  const totalRow = page.locator('.ceilings-table tr', { hasText: '支出总额' });
  const figure = async () => (await totalRow.locator('td').nth(1).textContent())?.trim();
  const before = await figure();
  const amount = cell('金额（元） 1');
  const was = await amount.inputValue();
  await amount.fill('１，２３４．５６'); // as a Chinese input method types it
  await page.waitForFunction((old) => {
    const row = [...document.querySelectorAll('.ceilings-table tr')].find((r) => r.textContent?.includes('支出总额'));
    return row?.querySelectorAll('td')[1]?.textContent?.trim() !== old;
  }, before);
  expect(await amount.getAttribute('aria-invalid')).toBeNull();
  await amount.press('Tab');
  await expect(amount.inputValue()).resolves.toBe('1,234.56');

  // An amount that is none: kept, listed among the findings, and the save says why it waits.
  await amount.fill('12a');
  const findings = page.getByRole('region', { name: /校验结果/ });
  const finding = findings.getByRole('button', { name: '金额「12a」未能保存：不是金额' });
  await finding.waitFor();
  expect(await amount.getAttribute('title')).toBe('不是金额');
  expect(await save.isDisabled()).toBe(true);
  await page.locator('#save-why', { hasText: '有 1 处无效填写' }).waitFor();
  await cell('备注 1').focus();
  await finding.click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '金额（元） 1');
  await shot('05-refused-amount-listed');
  await amount.fill(was);
  await finding.waitFor({ state: 'detached' });
  expect(await save.isDisabled()).toBe(true);
  await page.locator('#save-why', { hasText: '无修改' }).waitFor();
}, 120_000);
