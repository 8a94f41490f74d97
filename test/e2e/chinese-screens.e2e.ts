import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TBrowser } from './support/browser';
import { DEMO_PASSWORD, type TBudgetflowServer } from './support/budgetflow-server';
import { closeStory, openStory } from './support/open-story';
import { storyOf } from './support/story';

/**
 * Chinese screens show only Chinese: every main page of every desk (preparer, reviewer, publisher,
 * the administrators, the public portal), walked in Chromium on the demo data carried through
 * two revisions, a 批复 and a publication, with the editor holding an amount and a code that are
 * refused. The visible text (and tooltips, placeholders and field values) may hold no Latin word
 * but the names of file formats, the checksum's algorithm, the language switch's own name, the
 * usernames people sign in with and what the seed's department typed (UPS); addresses (a page's
 * link) and checksums are codes to copy and compare, not words. Screenshots in
 * test-results/chinese-screens.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/chinese-screens');

// formats by the names readers know them by (Excel 表格, as the portal's downloads say)
const FORMATS = ['PDF', 'XLSX', 'EXCEL', 'CSV', 'JSON', 'HTML', 'SHA'];
// demo account names (preparer3, unitprep3, leader3 …): identifiers an administrator typed, not words
const USERNAMES = ['preparer', 'reviewer', 'publisher', 'signer', 'admin', 'secadmin', 'auditor', 'unitprep', 'leader'];
/** Words of the seed document itself, typed by its department. */
const TYPED = ['UPS'];
const allowed = (word: string) =>
  FORMATS.includes(word.toUpperCase()) || USERNAMES.includes(word) || TYPED.includes(word) || word === 'English';

let server: TBudgetflowServer;
let browser: TBrowser;
let page: Page;
let story: ReturnType<typeof storyOf>;
let budgetId = '';

async function apiAs(username: string) {
  const login = (await (
    await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })
  ).json()) as { accessToken: string };
  return async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.baseUrl}${url}`, {
      method,
      headers: { Authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return { json: () => res.json() as Promise<Record<string, unknown>>, etag: res.headers.get('etag') ?? '' };
  };
}

/** The 2020 budget of 019001 through two revisions (a note and an explanation changed), a 批复 and a publication. */
async function carryToPublished(): Promise<void> {
  const preparer = await apiAs('preparer');
  const list = (await (await preparer('GET', '/api/budgets?year=2020')).json()) as { items: { id: string }[] };
  budgetId = list.items[0]!.id;
  const editNote = async (note: string) => {
    const current = await preparer('GET', `/api/budgets/${budgetId}/document`);
    const doc = (await current.json()) as { expenditureLines: Record<string, unknown>[] };
    await preparer('PATCH', `/api/budgets/${budgetId}/lines`, { upsertExpenditure: [{ ...doc.expenditureLines[0], note }] }, { 'If-Match': current.etag });
  };
  await editNote('第一次送审');
  await preparer('POST', `/api/budgets/${budgetId}/submit`, {});
  await (await apiAs('reviewer'))('POST', `/api/budgets/${budgetId}/return`, { reason: '请补充测算依据' });
  await editNote('已补充测算依据');
  const current = await preparer('GET', `/api/budgets/${budgetId}/document`);
  const doc = (await current.json()) as { explanations: Record<string, unknown> };
  await preparer('PUT', `/api/budgets/${budgetId}/document`, { ...doc, explanations: { ...doc.explanations, assets: '资产情况已补充说明。' } }, { 'If-Match': current.etag });
  await preparer('POST', `/api/budgets/${budgetId}/submit`, {});
  await (await apiAs('reviewer2'))('POST', `/api/budgets/${budgetId}/approve`, { opinion: '同意', documentNo: '硚财预〔2020〕1号', date: new Date().toISOString().slice(0, 10) });
  await (await apiAs('publisher'))('POST', `/api/budgets/${budgetId}/publish`, {});
}

beforeAll(async () => {
  ({ server, browser, page } = await openStory(SHOTS));
  story = storyOf(page, server, SHOTS);
  await carryToPublished();
}, 240_000);

afterAll(() => closeStory({ server, browser, page }));

/** The Latin words a page shows, each with the line it is on. */
async function englishOn(name: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await page.locator('text=加载中').first().waitFor({ state: 'detached' }).catch(() => undefined);
  const text = await page.evaluate(() => {
    const hashes = [...document.querySelectorAll('code.hash')].map((h) => h.textContent ?? '');
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll<HTMLElement>('[title], [placeholder], input, textarea')) {
      if (el.title) parts.push(el.title);
      const placeholder = el.getAttribute('placeholder');
      if (placeholder) parts.push(placeholder);
      if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.value && el.type !== 'hidden') parts.push(el.value);
    }
    let all = parts.join('\n');
    for (const hash of hashes) all = all.split(hash).join('');
    return all;
  });
  await story.shot(name);
  return text
    // Addresses to copy (a page's link) and checksums to compare are codes, not words.
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\b[0-9a-f]{64}\b/g, '')
    .split('\n')
    .flatMap((line) => (line.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !allowed(w)).map((w) => `${name}: ${w} — ${line.trim().slice(0, 120)}`));
}

async function visit(url: string, name: string, found: string[]): Promise<void> {
  await page.goto(`${server.baseUrl}${url}`);
  found.push(...(await englishOn(name)));
}

/** Every tab of the page, each scanned. */
async function tabs(prefix: string, found: string[]): Promise<void> {
  const count = await page.getByRole('tab').count();
  for (let i = 0; i < count; i++) {
    const tab = page.getByRole('tab').nth(i);
    await tab.click();
    found.push(...(await englishOn(`${prefix}-tab${i + 1}`)));
  }
}

it('shows only Chinese on every main page of every desk and of the portal', async () => {
  const found: string[] = [];

  await story.step('preparer', async () => {
    await story.signIn('preparer');
    found.push(...(await englishOn('preparer-desk')));
    await visit(`/budgets/${budgetId}`, 'preparer-budget', found);
    await tabs('preparer-budget', found);
    await story.signOut();
  });

  await story.step('preparer2-editing', async () => {
    await story.signIn('preparer2');
    await page.getByRole('main').getByRole('link', { name: /打开 2020/ }).first().click();
    await page.getByRole('table', { name: '支出明细' }).waitFor();
    // What a new user types wrong: an amount that is none, a code the catalogue lacks.
    await page.getByLabel('金额（元） 1', { exact: true }).fill('12a');
    const code = page.getByRole('combobox', { name: '经济科目 2', exact: true });
    await code.fill('37777');
    await code.press('Tab');
    await page.getByText('无此科目：37777', { exact: true }).waitFor();
    found.push(...(await englishOn('preparer2-editor-refused')));
    await tabs('preparer2-editor', found);
    await page.getByRole('tab').first().click();
    await page.getByLabel('金额（元） 1', { exact: true }).press('Escape');
    await story.signOut();
  });

  await story.step('reviewer', async () => {
    await story.signIn('reviewer');
    found.push(...(await englishOn('reviewer-desk')));
    await visit(`/budgets/${budgetId}`, 'reviewer-budget', found);
    await page.getByRole('table', { name: '明细变动' }).waitFor();
    await visit('/bureau', 'reviewer-bureau', found);
    await visit('/delegations', 'reviewer-delegations', found);
    await story.signOut();
  });

  await story.step('reviewer2', async () => {
    await story.signIn('reviewer2');
    found.push(...(await englishOn('reviewer2-desk')));
    await visit('/bureau', 'reviewer2-bureau', found);
    await story.signOut();
  });

  await story.step('publisher', async () => {
    await story.signIn('publisher');
    found.push(...(await englishOn('publisher-desk')));
    await visit(`/budgets/${budgetId}`, 'publisher-budget', found);
    await page.locator('a[data-format="pdf"]').first().waitFor({ timeout: 60_000 });
    found.push(...(await englishOn('publisher-budget-files')));
    await story.signOut();
  });

  await story.step('admin', async () => {
    await story.signIn('admin');
    found.push(...(await englishOn('admin-desk')));
    for (const section of ['users', 'departments', 'fiscal-years', 'bureau', 'jobs']) await visit(`/admin/${section}`, `admin-${section}`, found);
    await visit(`/budgets/${budgetId}`, 'admin-budget', found);
    await visit('/account/two-factor', 'admin-two-factor', found);
    await visit('/account/password', 'admin-password', found);
    await story.signOut();
  });

  await story.step('separated-admins', async () => {
    for (const username of ['auditor', 'secadmin']) {
      await story.signIn(username);
      found.push(...(await englishOn(`${username}-desk`)));
      await story.signOut();
    }
  });

  await story.step('portal', async () => {
    await browser.context.clearCookies();
    await visit('/portal', 'portal-list', found);
    await page.getByRole('link', { name: /2020年部门预算/ }).first().click();
    await page.locator('#table-T1').waitFor();
    await page.locator('a[data-format="pdf"]').first().waitFor({ timeout: 60_000 });
    found.push(...(await englishOn('portal-disclosure')));
    await visit('/portal/compare', 'portal-compare', found);
    await visit('/portal/compliance', 'portal-compliance', found);
    await visit('/portal/departments/019001', 'portal-department-years', found);
    await visit('/login', 'sign-in', found);
  });

  expect(found).toEqual([]);
}, 600_000);
