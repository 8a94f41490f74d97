import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { publishCopy } from '../../apps/api/test/utils/published-copies';
import type { TBrowser } from './support/browser';
import type { TBudgetflowServer } from './support/budgetflow-server';
import { closeStory, openStory } from './support/open-story';
import { frozenColumnFaults } from './support/frozen-column';
import { pdfText } from '../../apps/api/src/modules/reports/check/pdf-text';
import { publishSeededDraft } from './support/published-seed';

/** exceljs, the API's dependency (not the workspace root's), to open the downloaded workbook as Excel would read it. */
interface TSheetRow {
  values: unknown;
  getCell(column: number): { value: unknown };
}
const ExcelJS = createRequire(path.resolve(__dirname, '../../apps/api/package.json'))('exceljs') as {
  Workbook: new () => { xlsx: { load(bytes: ArrayBuffer): Promise<unknown> }; getWorksheet(name: string): { getRow(n: number): TSheetRow; eachRow(visit: (row: TSheetRow, n: number) => void): void } | undefined };
};

/**
 * A visitor on a phone (375 px) reads a published disclosure: the title and the summary first,
 * a drill from a 类 down to a 项, the shared link opened in a fresh page on the same view, two
 * years compared; the portal's pages pass axe-core with nothing serious; the page printed to A4
 * has no table wider than its page. Screenshots in test-results/portal-e2e.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/portal-e2e');
const PHONE = { width: 375, height: 667 };
/** A4 less print.css's 12 mm margins, in CSS pixels (96 per inch): portrait and landscape. */
const A4_CONTENT_PX = { portrait: Math.floor(((210 - 24) / 25.4) * 96), landscape: Math.floor(((297 - 24) / 25.4) * 96) };

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;
let publicationId: string;

/** The seed's 2020 draft, submitted, approved and published as the desks do it; then 2021 beside it. */
async function publishSeed(): Promise<void> {
  publicationId = await publishSeededDraft(server.baseUrl);
  const db = createDataSource(server.databaseUrl, { poolSize: 1, applicationName: 'portal-e2e' });
  await db.initialize();
  try {
    await publishCopy(db, publicationId, { departmentCode: '019001', departmentName: '武汉市硚口区大数据中心', fiscalYear: 2021, scale: 2, lastYearTotal: '6044000.00', changeReason: '新增数据平台建设项目' });
  } finally {
    await db.destroy();
  }
}

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS, { viewport: PHONE, prepare: async (started) => {
      server = started;
      await publishSeed();
    } }));
}, 240_000);

afterAll(() => closeStory({ server, browser, page }));

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
const breadcrumb = (p: Page) => p.getByTestId('explore-path').innerText();

/** axe-core's serious and critical violations on the page as it is now (rule id and where). */
async function seriousViolations(p: Page): Promise<string[]> {
  // Evaluated rather than added as a script tag: the page's CSP (rightly) refuses inline scripts.
  await p.evaluate(AXE_SOURCE);
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}

it('reads, drills, shares and compares on a phone; accessible; prints within A4', async () => {
  // The district's list, searchable.
  await page.goto(`${server.baseUrl}/portal`);
  await page.getByRole('searchbox').fill('大数据');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.waitForURL(/q=/);
  await shot(page, '01-search');
  expect(await seriousViolations(page)).toEqual([]);

  // A journalist takes the district's lines of a year in one file that Excel opens with its codes intact.
  await page.goto(`${server.baseUrl}/portal?year=2020`);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel 表格（编码保留为文本）' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('支出明细');
  const header = (sheet?.getRow(1).values ?? []) as unknown[];
  expect(header.slice(1, 3)).toEqual(['功能科目编码', '功能科目名称']);
  const codes = new Set<unknown>();
  sheet?.eachRow((row, n) => n > 1 && codes.add(row.getCell(header.indexOf('部门编码')).value));
  expect(codes.has('019001')).toBe(true);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '开放数据 CSV' }).click()]);
  const csvBytes = readFileSync(await csv.path());
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csvBytes.subarray(3).toString('utf8').startsWith('功能科目编码,')).toBe(true);

  // The disclosure: the title and the summary on the first screen, the downloads after the document.
  await page.goto(`${server.baseUrl}/portal/${publicationId}`);
  const title = page.getByRole('heading', { level: 1 });
  await expect(title.innerText()).resolves.toBe('硚口区大数据中心2020年部门预算');
  const total = page.getByTestId('digest-total');
  await total.waitFor();
  for (const el of [title, total, page.getByRole('heading', { name: '主要支出方向' })]) {
    const box = await el.boundingBox();
    expect(box !== null && box.y + box.height <= PHONE.height).toBe(true);
  }
  await expect(total.innerText()).resolves.toContain('604.4');
  const downloads = await page.getByRole('heading', { name: '下载' }).boundingBox();
  const part4 = await page.getByRole('heading', { name: '第四部分 名词解释' }).boundingBox();
  expect(downloads !== null && part4 !== null && downloads.y > part4.y).toBe(true);
  await shot(page, '02-disclosure-first-screen');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.title()).toBe('硚口区大数据中心 2020年部门预算 · 预算公开');

  // Under the summary, a link down to the downloads after the document.
  const jump = page.getByRole('link', { name: '下载全文和数据（PDF、Excel、CSV、JSON）↓' });
  const jumpBox = await jump.boundingBox();
  expect(jumpBox !== null && jumpBox.y + jumpBox.height <= PHONE.height * 1.5).toBe(true);
  await jump.click();
  await page.waitForFunction(() => {
    const box = document.getElementById('downloads-title')?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
  });
  await shot(page, '02b-downloads-after-jump');

  // The wide tables scroll sideways under one frozen name column that hides no figure half-way.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.disclosure-table .grid-scroll')].filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.closest('section')?.id),
  );
  expect(wide).toEqual(expect.arrayContaining(['table-T1', 'table-T3', 'table-T4']));
  expect(await frozenColumnFaults(page, '.disclosure-table .grid-scroll')).toEqual([]);
  for (const id of ['T1', 'T3']) {
    const scroller = page.locator(`#table-${id} .grid-scroll`).first();
    // where a reader's swipe half-way across comes to rest
    await scroller.evaluate(async (s) => {
      s.scrollLeft = s.scrollWidth / 2;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    await scroller.screenshot({ path: path.join(SHOTS, `02c-table-${id}-scrolled.png`) });
    await scroller.evaluate((s) => (s.scrollLeft = 0));
  }

  // From a 类 to its 款, then to a 项.
  await page.locator('#explore').getByRole('link', { name: '一般公共服务支出', exact: true }).click();
  // The step is drawn after the click, on a loaded machine some frames later: wait for it, then read it.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="explore-path"] li').length === 2);
  await expect(breadcrumb(page)).resolves.toContain('类 一般公共服务支出');
  await page.locator('#explore tbody th a').first().click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="explore-path"] li').length === 3);
  await page.locator('#explore tbody th a').first().click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="explore-path"] li').length === 4);
  const drilled = await breadcrumb(page);
  expect(drilled).toMatch(/类 一般公共服务支出[\s\S]*款 [\s\S]*项 /);
  await shot(page, '03-drilled-to-item');

  // The shared link opens a fresh page on the same view.
  const shared = await page.getByTestId('share-link').innerText();
  expect(shared).toContain(`/portal/${publicationId}?by=function&path=201`);
  const fresh = await browser.context.newPage();
  await fresh.goto(shared);
  await expect(breadcrumb(fresh)).resolves.toBe(drilled);
  await shot(fresh, '04-shared-link-fresh-page');
  await fresh.close();

  // Two years of the department compared, with the change and the reason.
  await page.getByRole('link', { name: '历年比较' }).click();
  const rows = page.locator('table.compare-table tbody tr');
  await rows.nth(1).waitFor();
  await expect(rows.nth(0).innerText()).resolves.toMatch(/^2021[\s\S]*1208\.8[\s\S]*\+604\.4[\s\S]*（与上年公开数比较）[\s\S]*\+100\.0%[\s\S]*新增数据平台建设项目/);
  // The first published year is compared with the 上年预算数 its budget states, and says so.
  await expect(rows.nth(1).innerText()).resolves.toMatch(/^2020[\s\S]*604\.4[\s\S]*（与本年预算所列上年预算数比较）/);
  // Readable across at 375 px: the words in lines, not a character a line; the year frozen as the rest scrolls.
  for (const cell of ['.cell-reason', '.cell-classes']) {
    const box = await rows.nth(0).locator(cell).boundingBox();
    expect(box !== null && box.width >= 100).toBe(true);
  }
  expect(await frozenColumnFaults(page, '.grid-scroll')).toEqual([]);
  await expect(page.title()).resolves.toBe('武汉市硚口区大数据中心 历年预算 · 预算公开');
  await shot(page, '05-years-compared');
  expect(await seriousViolations(page)).toEqual([]);
});

it('prints the disclosure on A4 with no table wider than its page', async () => {
  const desk = await browser.context.newPage();
  await desk.goto(`${server.baseUrl}/portal/${publicationId}`);
  await desk.getByRole('heading', { name: '第四部分 名词解释' }).waitFor();
  await desk.emulateMedia({ media: 'print' });
  // Laid out at each page's content width, every table fits it: portrait, and landscape for the wide ones.
  for (const [orientation, width] of Object.entries(A4_CONTENT_PX)) {
    await desk.setViewportSize({ width, height: 1000 });
    const tooWide = await desk.evaluate(
      ({ landscape, width: pageWidth }) =>
        [...document.querySelectorAll('.disclosure-table')]
          .filter((s) => s.classList.contains('wide') === landscape)
          .flatMap((s) => [...s.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > pageWidth + 1 || t.scrollWidth > pageWidth + 1).map(() => s.id)),
      { landscape: orientation === 'landscape', width },
    );
    expect(tooWide).toEqual([]);
  }
  const pdf = await desk.pdf({ path: path.join(SHOTS, 'disclosure-print.pdf'), format: 'A4', preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // The first page holds the title and the 目录 together, the 目录 numbered by its headings alone.
  const [first = ''] = (await pdfText(pdf)).split('\f');
  expect(first).toContain('硚口区大数据中心2020年部门预算');
  expect(first).toContain('目录');
  expect(first).toContain('第一部分 硚口区大数据中心概况');
  expect(first).not.toMatch(/\d+\.\s*(第一部分|一、)/);
  await desk.close();
}, 120_000);
