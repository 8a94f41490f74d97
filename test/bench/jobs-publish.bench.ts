import { APPROVAL, seedDocumentFor } from '../../apps/api/test/e2e/budget-test-kit';
import { TEST_PASSWORD } from '../../apps/api/test/utils/seed-people';
import { json, percentile, pg, signIn, startServer, stopServer, timed, type TServer } from './api-bench-kit';
import type { Figure } from './bench';

/** Departments approved and published while the others render; and a few first, one at a time, on a quiet server. */
const DEPARTMENTS = 100;
const QUIET = 5;
const YEAR = 2020;

interface TDepartmentBudget {
  n: string;
  budgetId: string;
  publisher: Record<string, string>;
}

/** Each department's 2020 budget: the seed moved to it, imported and submitted by its preparer. */
async function submitted(server: TServer, count: number): Promise<TDepartmentBudget[]> {
  const budgets: TDepartmentBudget[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(3, '0');
    const preparer = await signIn(server.url, `prep${n}`, TEST_PASSWORD);
    const created = await json(`${server.url}/api/budgets`, {
      method: 'POST',
      headers: preparer.headers,
      body: JSON.stringify({ fiscalYear: YEAR }),
    });
    const budgetId = String(created.body['id']);
    const document = { ...seedDocumentFor({ code: `700${n}`, name: `测试部门${n}` }), fiscalYear: YEAR };
    await json(`${server.url}/api/budgets/${budgetId}/document`, {
      method: 'PUT',
      headers: { ...preparer.headers, 'If-Match': `"${String(created.body['version'])}"` },
      body: JSON.stringify(document),
    });
    await json(`${server.url}/api/budgets/${budgetId}/submit`, {
      method: 'POST',
      headers: preparer.headers,
      body: '{}',
    });
    budgets.push({ n, budgetId, publisher: (await signIn(server.url, `pub${n}`, TEST_PASSWORD)).headers });
  }
  return budgets;
}

const act = (
  server: TServer,
  budgetId: string,
  action: 'approve' | 'publish',
  headers: Record<string, string>,
) =>
  timed(() =>
    json(`${server.url}/api/budgets/${budgetId}/${action}`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': `${action}-${budgetId}` },
      // The approval is the 批复: its opinion, document number and date.
      body: action === 'approve' ? JSON.stringify(APPROVAL) : '{}',
    }),
  );

/**
 * The publication path as `pnpm start` runs it, in one process: the API and the in-process jobs,
 * which render each approved revision (PDF, workbook, CSV … and their check) in the render pool's
 * thread. Measures approve and publish while 100 departments' revisions render, against the same
 * calls on the quiet server (each approved, rendered and published alone), and the wall time from
 * the first of the 100 approvals to the last publication.
 */
export async function run(report: (figure: Figure) => void): Promise<void> {
  const server = await startServer('jobs-publish-server.ts', [String(DEPARTMENTS + QUIET)]);
  const db = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  try {
    const budgets = await submitted(server, DEPARTMENTS + QUIET);
    const reviewer = (await signIn(server.url, 'reviewer', TEST_PASSWORD)).headers;
    const checked = async (): Promise<Set<string>> =>
      new Set(
        (
          (await db.query(`SELECT budget_id FROM revision_checks WHERE passed`)).rows as {
            budget_id: string;
          }[]
        ).map((r) => r.budget_id),
      );
    const untilChecked = async (budgetId: string): Promise<void> => {
      while (!(await checked()).has(budgetId)) await new Promise((resolve) => setTimeout(resolve, 100));
    };

    const quiet = { approve: [] as number[], publish: [] as number[] };
    for (const b of budgets.slice(0, QUIET)) {
      quiet.approve.push(await act(server, b.budgetId, 'approve', reviewer));
      await untilChecked(b.budgetId);
      quiet.publish.push(await act(server, b.budgetId, 'publish', b.publisher));
    }

    const batch = budgets.slice(QUIET);
    const loaded = { approve: [] as number[], publish: [] as number[] };
    const start = process.hrtime.bigint();
    for (const b of batch) loaded.approve.push(await act(server, b.budgetId, 'approve', reviewer));
    const waiting = new Map(batch.map((b) => [b.budgetId, b]));
    while (waiting.size > 0) {
      const ready = await checked();
      for (const [budgetId, b] of waiting) {
        if (!ready.has(budgetId)) continue;
        loaded.publish.push(await act(server, budgetId, 'publish', b.publisher));
        waiting.delete(budgetId);
      }
      if (waiting.size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const wallS = Number(process.hrtime.bigint() - start) / 1e9;

    for (const action of ['approve', 'publish'] as const) {
      const p99 = percentile(loaded[action], 99);
      const quietP99 = percentile(quiet[action], 99);
      report({
        name: `jobs.publish.${action}.p99-while-${DEPARTMENTS}-render`,
        value: p99,
        unit: 'ms',
        target: { op: '<=', value: 200 },
      });
      report({
        name: `jobs.publish.${action}.p99-vs-quiet`,
        value: p99 / quietP99,
        unit: 'x',
        target: { op: '<=', value: 2 },
        decimals: 2,
      });
    }
    report({
      name: `jobs.publish.${DEPARTMENTS}-departments-published`,
      value: wallS,
      unit: 's',
      target: { op: '<=', value: 60 },
    });
    const published = (await db.query(`SELECT count(*)::int AS n FROM publication_files`)).rows as {
      n: number;
    }[];
    report({
      name: 'jobs.publish.files-per-department',
      value: (published[0]?.n ?? 0) / (DEPARTMENTS + QUIET),
      unit: 'files',
      target: { op: '>=', value: 15 },
      decimals: 0,
    });
  } finally {
    await db.end();
    await stopServer(server);
  }
}
