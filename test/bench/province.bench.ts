import type { TBudgetDocument } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import { startCluster, type TCluster } from '../../apps/api/test/cluster/cluster-harness';
import { undoneOutboxRows, waitFor } from '../../apps/api/test/jobs/jobs-fixtures';
import { bareManager, bareSessions, CLIENTS, concurrentLatencies, json, percentile, pg, timed } from './api-bench-kit';
import type { Figure } from './bench';
import { editorDepartmentCode, editorName, seedEditors } from './bench-people';

/**
 * Issue 14 at province scale, on the cluster of the tests (apps/api/test/cluster): API processes
 * behind a round-robin proxy and workers, one PostgreSQL, one Redis.
 * - Edits of 16 preparers, each on a budget of their own, with 1 API and with 3: the ratio is what
 *   the processes gain on this machine's cores (2 here, shared by PostgreSQL, Redis and the client).
 * - A province of departments, each importing a 2,000-line budget through the product's own import
 *   (POST /api/budgets, PUT …/document), at growing sizes (PROVINCE_SIZES, default 100,500,2000):
 *   import throughput, the workers' derivation of them all, and the bureau's overview at 16 clients.
 */
const SIZES = (process.env['PROVINCE_SIZES'] ?? '100,500,2000').split(',').map(Number);
const LINES = 2_000;
const IMPORTERS = 8;
const EDIT_ROUNDS = 25;

type THeaders = Record<string, string>;

/** Sessions for the named users, made as a sign-in makes them (2,000 sign-ins would measure the password hash, and trip the sign-in throttle). */
async function sessionsOf(c: TCluster, usernames: readonly string[]): Promise<Map<string, THeaders>> {
  const pool = new pg.Pool({ connectionString: c.db.url, max: 2 });
  try {
    const sessions = bareSessions(pool);
    const client = { query: (sql: string, params?: unknown[]) => pool.query(sql, params) };
    const rows = (await pool.query(`SELECT id, username FROM users WHERE username = ANY($1)`, [usernames])).rows as { id: string; username: string }[];
    const headers = new Map<string, THeaders>();
    for (const row of rows) {
      const { token } = await sessions.create(bareManager(client), row.id, { ip: '127.0.0.1', userAgent: 'province bench' });
      headers.set(row.username, { Authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    }
    return headers;
  } finally {
    await pool.end();
  }
}

/** Editor n's budget of `fiscalYear`, created and imported over HTTP; its id and version. */
async function importBudget(c: TCluster, headers: THeaders, n: number, fiscalYear: number, document: TBudgetDocument): Promise<{ id: string; version: number }> {
  const created = await json(`${c.baseUrl}/api/budgets`, { method: 'POST', headers, body: JSON.stringify({ fiscalYear }) });
  if (created.status !== 201) throw new Error(`create for ${editorName(n)} answered ${created.status}: ${JSON.stringify(created.body)}`);
  const id = String(created.body['id']);
  const own = { ...document, fiscalYear, department: { ...document.department, code: editorDepartmentCode(n) } };
  const imported = await json(`${c.baseUrl}/api/budgets/${id}/document`, { method: 'PUT', headers: { ...headers, 'If-Match': `"${String(created.body['version'])}"` }, body: JSON.stringify(own) });
  if (imported.status !== 200) throw new Error(`import for ${editorName(n)} answered ${imported.status}: ${JSON.stringify(imported.body)}`);
  return { id, version: Number(imported.body['version']) };
}

/** Edits per second of CLIENTS preparers, each on a budget of their own, on a cluster of `apis` APIs. */
async function editsPerSecond(c: TCluster): Promise<number> {
  const editors = Array.from({ length: CLIENTS }, (_, i) => i + 1);
  const headers = await sessionsOf(c, editors.map(editorName));
  const document = generateBudget({ lines: 200, fiscalYear: 2020 });
  const budgets = await Promise.all(editors.map((n) => importBudget(c, headers.get(editorName(n)) ?? {}, n, 2020, document)));
  const line = document.expenditureLines[0];
  const { perSecond } = await concurrentLatencies(EDIT_ROUNDS, async (client) => {
    const budget = budgets[client];
    if (budget === undefined || line === undefined) throw new Error('no budget');
    const res = await json(`${c.baseUrl}/api/budgets/${budget.id}/lines`, {
      method: 'PATCH',
      headers: headers.get(editorName(client + 1)) ?? {},
      body: JSON.stringify({ version: budget.version, upsertExpenditure: [{ ...line, amount: `${budget.version}.00` }] }),
    });
    if (res.status !== 200) throw new Error(`edit answered ${res.status}: ${JSON.stringify(res.body)}`);
    budget.version = Number(res.body['version']);
  });
  return perSecond;
}

export async function run(report: (figure: Figure) => void): Promise<void> {
  const largest = Math.max(...SIZES);
  const single = await startCluster({ apis: 1, workers: 1, seed: (ds) => seedEditors(ds, CLIENTS) });
  let one: number;
  try {
    one = await editsPerSecond(single);
  } finally {
    await single.close();
  }
  const c = await startCluster({ apis: 3, workers: 2, seed: (ds) => seedEditors(ds, Math.max(largest, CLIENTS)) });
  try {
    const three = await editsPerSecond(c);
    report({ name: 'cluster.edits.1-api.per-s', value: one, unit: '/s', target: { op: '>', value: 0 } });
    report({ name: 'cluster.edits.3-apis.per-s', value: three, unit: '/s', target: { op: '>', value: 0 } });
    report({ name: 'cluster.edits.3-apis-vs-1', value: three / one, unit: 'x', target: { op: '>=', value: 2.5 }, decimals: 2 });

    const document = generateBudget({ lines: LINES, fiscalYear: 2021 });
    const headers = await sessionsOf(c, [...Array.from({ length: largest }, (_, i) => editorName(i + 1)), 'reviewer']);
    const reviewer = headers.get('reviewer') ?? {};
    let imported = 0;
    for (const size of SIZES) {
      let next = imported + 1;
      const importing = size - imported;
      const wall = await timed(() =>
        Promise.all(
          Array.from({ length: IMPORTERS }, async () => {
            for (let n = next++; n <= size; n = next++) await importBudget(c, headers.get(editorName(n)) ?? {}, n, 2021, document);
          }),
        ),
      );
      imported = size;
      report({ name: `province.import-${size}x${LINES}.lines-per-s`, value: (importing * LINES * 1000) / wall, unit: 'lines/s', target: { op: '>=', value: 50_000 } });
      // The workers derive every imported budget (its totals and tables) before the overview is read.
      const derived = await timed(() => waitFor('the derivations', async () => (await undoneOutboxRows(c.dataSource)) === 0, 3_600_000));
      report({ name: `province.derive-${size}.budgets-per-s`, value: (importing * 1000) / derived, unit: 'budgets/s', target: { op: '>', value: 0 } });
      const overview = async () => {
        const res = await json(`${c.baseUrl}/api/bureau/overview?year=2021`, { method: 'GET', headers: reviewer });
        const listed = (res.body['departments'] as unknown[] | undefined)?.length ?? 0;
        if (res.status !== 200 || listed < size) throw new Error(`the overview answered ${res.status} with ${listed} departments`);
      };
      await overview();
      const p99 = percentile((await concurrentLatencies(10, overview)).latencies, 99);
      report({ name: `province.bureau-overview-${size}.c${CLIENTS}.p99`, value: p99, unit: 'ms', target: { op: '<=', value: 300 } });
    }
  } finally {
    await c.close();
  }
}
