import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PortalRepository, likePattern } from '../../apps/api/src/modules/public/portal.repository';
import { APPROVAL } from '../../apps/api/test/e2e/budget-test-kit';
import { publishCopy } from '../../apps/api/test/utils/published-copies';
import { TEST_PASSWORD } from '../../apps/api/test/utils/seed-people';
import { launchBrowser } from '../e2e/support/browser';
import { ensureWebBuilt } from '../e2e/support/web-build';
import { bareManager, CLIENTS, concurrentLatencies, json, median, percentile, pg, signIn, startServer, stopServer } from './api-bench-kit';
import type { Figure } from './bench';
import { entryScriptGzipKb } from './web-client.bench';

const PUBLICATIONS = 1000;
const DEPARTMENTS = 100; // × 10 years (2020–2029)
const ROUNDS_PER_CLIENT = 40;
const RUNS = 3;
const SEED_FILE = path.resolve(__dirname, '../../packages/domain/fixtures/qiaokou-bigdata-2020.json');

/** What visitors search for, in turn: a department's name, a 功能 name, a 功能 code, a year, nothing. */
export const SEARCHES: { q?: string; year?: number }[] = [{ q: '单位07' }, { q: '一般公共服务' }, { q: '2010350' }, { year: 2024 }, {}, { q: '卫生', year: 2021 }];

/** The seed published through the workflow, then copies of it straight into the tables: 1,000 publications. */
export async function thousandPublications(url: string, databaseUrl: string): Promise<string> {
  const preparer = await signIn(url, 'preparer', TEST_PASSWORD);
  const created = await json(`${url}/api/budgets`, { method: 'POST', headers: preparer.headers, body: JSON.stringify({ fiscalYear: 2020 }) });
  const id = String(created.body['id']);
  const imported = await json(`${url}/api/budgets/${id}/document`, { method: 'PUT', headers: { ...preparer.headers, 'If-Match': `"${String(created.body['version'])}"` }, body: readFileSync(SEED_FILE, 'utf8') });
  await json(`${url}/api/budgets/${id}/submit`, { method: 'POST', headers: preparer.headers, body: JSON.stringify({ version: imported.body['version'] }) });
  await json(`${url}/api/budgets/${id}/approve`, { method: 'POST', headers: (await signIn(url, 'reviewer', TEST_PASSWORD)).headers, body: JSON.stringify(APPROVAL) });
  const published = await json(`${url}/api/budgets/${id}/publish`, { method: 'POST', headers: (await signIn(url, 'publisher', TEST_PASSWORD)).headers, body: '{}' });
  const publicationId = (published.body['publication'] as { id: string }).id;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  try {
    const db = { query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows };
    for (let n = 1; n < PUBLICATIONS; n++) {
      const d = n % DEPARTMENTS;
      const code = `9${String(d).padStart(5, '0')}`;
      await publishCopy(db, publicationId, { departmentCode: code, departmentName: `测试区测试单位${String(d).padStart(2, '0')}`, fiscalYear: 2020 + Math.floor(n / DEPARTMENTS), scale: 1 + (n % 7) });
    }
  } finally {
    await pool.end();
  }
  return publicationId;
}

export const searchUrl = (url: string, s: { q?: string; year?: number }) => `${url}/api/public/search?${new URLSearchParams({ ...(s.q === undefined ? {} : { q: s.q }), ...(s.year === undefined ? {} : { year: String(s.year) }) }).toString()}`;

// Scripts run in the page (as text: this file is compiled without the DOM's types).
/** The largest contentful paint of the page so far, in ms from navigation. */
const LCP = `new Promise((resolve) => new PerformanceObserver((list) => { const all = list.getEntries(); resolve(all[all.length - 1].startTime); }).observe({ type: 'largest-contentful-paint', buffered: true }))`;
/** Clicks the drill-down's first row and answers the ms until the path shows one step more. */
const DRILL_STEP = `(async () => {
  const steps = () => document.querySelectorAll('[data-testid="explore-path"] li').length;
  const before = steps();
  const link = document.querySelector('#explore tbody th a');
  if (link === null) throw new Error('nothing to drill into');
  const start = performance.now();
  link.click();
  while (steps() === before) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - start;
})()`;

export async function run(report: (figure: Figure) => void): Promise<void> {
  ensureWebBuilt();
  report({ name: 'web.portal-entry-200.gzip-kb', value: entryScriptGzipKb(), unit: 'KB', target: { op: '<=', value: 200 } });

  const server = await startServer();
  const browser = await launchBrowser({ width: 375, height: 667 });
  try {
    const publicationId = await thousandPublications(server.url, server.databaseUrl);
    await json(searchUrl(server.url, {}), { method: 'GET' }); // the portal digests the publications on first read

    // The district search at 16 clients, against the same statements on a bare pg pool.
    const search = await concurrentLatencies(ROUNDS_PER_CLIENT, (client) => json(searchUrl(server.url, SEARCHES[client % SEARCHES.length] ?? {}), { method: 'GET' }));
    const pool = new pg.Pool({ connectionString: server.databaseUrl, max: CLIENTS });
    const repository = new PortalRepository();
    const m = bareManager(pool);
    const sql = await concurrentLatencies(ROUNDS_PER_CLIENT, (client) => {
      const s = SEARCHES[client % SEARCHES.length] ?? {};
      return Promise.all([
        repository.search(m, { namePattern: s.q === undefined ? undefined : likePattern(s.q), code: s.q !== undefined && /^\d{3,7}$/.test(s.q) ? s.q : undefined, year: s.year, page: 1, pageSize: 20 }),
        repository.publishedYears(m),
      ]);
    });
    await pool.end();
    const p99 = percentile(search.latencies, 99);
    report({ name: 'api.public-search-1000x16.p99-ms', value: p99, unit: 'ms', target: { op: '<=', value: 150 } });
    report({ name: 'api.public-search-1000x16.p99-vs-sql', value: p99 / percentile(sql.latencies, 99), unit: 'x', target: { op: '<=', value: 10 } });

    // The first screen, nothing cached: navigation to the largest contentful paint.
    const paints: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(`${server.url}/portal/${publicationId}`);
      await page.getByTestId('digest-total').waitFor();
      paints.push(await page.evaluate<number>(LCP));
      await page.close();
    }
    report({ name: 'web.portal-first-screen.lcp-ms', value: median(paints), unit: 'ms', target: { op: '<=', value: 1000 } });

    // A drill-down step: from a click on a row to its view drawn (类 → 款 → 项 → 单位), each run from the top.
    const page = await browser.context.newPage();
    const steps: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.url}/portal/${publicationId}?by=function#explore`);
      await page.locator('#explore tbody th a').first().waitFor();
      for (let level = 0; level < 3; level++) steps.push(await page.evaluate<number>(DRILL_STEP));
    }
    await page.close();
    report({ name: 'web.portal-drill-step.ms', value: median(steps), unit: 'ms', target: { op: '<=', value: 100 } });
    report({ name: 'web.portal-drill-step.max-ms', value: Math.max(...steps), unit: 'ms', target: { op: '<=', value: 100 } });
  } finally {
    await browser.close();
    await stopServer(server);
  }
}
