import type { TBudgetDocument } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/load-config';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { BudgetLinesRepository } from '../../apps/api/src/modules/budgets/budget-lines.repository';
import { RecomputeTotalsJob } from '../../apps/api/src/modules/budgets/jobs/recompute-totals.job';
import { toExpenditureLine } from '../../apps/api/src/modules/budgets/mappers/budget-document.mapper';
import { updateReturning } from '../../apps/api/src/modules/budgets/update-returning';
import { seedPeople } from '../../apps/api/test/utils/seed-people';
import { createTestDatabase } from '../../apps/api/test/utils/test-database';

/** What the child tells jobs-recompute.bench.ts: the timed runs, in milliseconds. */
export interface TRecomputeTimes {
  /** A worker's first recompute of the budget: every line read. */
  coldStart: number;
  /** Recomputes after an edit of EDITED lines, by a worker that recomputed the budget before. */
  recompute: number[];
  sqlRollup: number[];
}

const LINES = 10_000;
const RUNS = 60;
const WARMUPS = 3;
/** Lines an edit rewrites (new amounts), besides one line removed and one added. */
const EDITED = 20;

/** The raw SQL over the same stored lines: summed by the keys the derived tables group by. */
const SQL_ROLLUP = `SELECT function_code, economic_code, kind, fund_source, sum(amount)::text AS total
  FROM expenditure_lines WHERE budget_id = $1 GROUP BY function_code, economic_code, kind, fund_source`;

async function post(url: string, body: unknown, headers: Record<string, string>, method = 'POST'): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Stores a 10,000-line budget through the real API, so the lines are laid out as the API lays them out. */
async function importBudget(databaseUrl: string): Promise<string> {
  const dataSource = createDataSource(databaseUrl, { poolSize: 4, applicationName: 'budgetflow-bench' });
  await dataSource.initialize();
  await seedPeople(dataSource);
  const app = await createApp(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret' }), dataSource);
  try {
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer() as { address(): { port: number } }).address().port}`;
    const login = await post(`${url}/api/auth/login`, { username: 'preparer', password: 'test-password-1' }, {});
    const auth = { Authorization: `Bearer ${String(login['accessToken'])}` };
    const generated = generateBudget({ lines: LINES });
    const document: TBudgetDocument = { ...generated, department: { ...generated.department, code: '019001' } };
    const created = await post(`${url}/api/budgets`, { fiscalYear: document.fiscalYear }, auth);
    const id = String(created['id']);
    await post(`${url}/api/budgets/${id}/document`, document, { ...auth, 'If-Match': `"${String(created['version'])}"` }, 'PUT');
    return id;
  } finally {
    // The app's own workers stop here, so none of them recomputes alongside the timed runs.
    await app.close();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

/** An edit as the API makes it (BudgetsService.edit): the version bumped, lines written under it, the totals job's outbox row (its id returned). */
async function editLines(dataSource: ReturnType<typeof createDataSource>, budgetId: string, run: number): Promise<string> {
  const lines = new BudgetLinesRepository();
  return dataSource.transaction(async (m) => {
    const [bumped] = await updateReturning<{ version: number; fiscal_year: number; first: number }>(
      m,
      `UPDATE budgets SET version = version + 1, next_line_ordinal = next_line_ordinal + $2 WHERE id = $1 RETURNING version, fiscal_year, next_line_ordinal - $2 AS first`,
      [budgetId, EDITED + 1],
    );
    const version = bumped!.version;
    const budget = { id: budgetId, fiscal_year: bumped!.fiscal_year };
    const [removed, ...rewritten] = (await lines.expenditurePage(m, budget, run + 1, EDITED + 1)).map(toExpenditureLine);
    const edited = rewritten.map((line, i) => ({ ...line, amount: `${1000 + run}.${String(i).padStart(2, '0')}` }));
    await lines.removeExpenditure(m, budget, [removed!.id], version);
    await lines.upsertExpenditure(m, budget, [...edited, { ...removed!, id: `${removed!.id}-again-${run}` }], { version, firstOrdinal: bumped!.first });
    const [outbox] = (await m.query(`INSERT INTO outbox (topic, payload) VALUES ('budget.totals', $1) RETURNING id`, [JSON.stringify({ budgetId, version })])) as { id: string }[];
    return outbox!.id;
  });
}

async function main(): Promise<TRecomputeTimes> {
  const db = await createTestDatabase();
  try {
    const budgetId = await importBudget(db.url);
    const dataSource = createDataSource(db.url, { poolSize: 4, applicationName: 'budgetflow-bench' });
    await dataSource.initialize();
    try {
      // One job for the whole run, as one worker process keeps it.
      const job = new RecomputeTotalsJob(dataSource);
      const recompute = async (outboxId: string): Promise<number> => {
        let outcome = '';
        const ms = await timed(async () => (outcome = await job.handle({ outboxId, topic: 'budget.totals', payload: { budgetId } })));
        if (!outcome.startsWith('recomputed')) throw new Error(`the job answered "${outcome}", not a recompute`);
        return ms;
      };
      // The import's own totals rows were left to the app's workers, stopped since: done here, or they would supersede every run.
      await dataSource.query(`UPDATE outbox SET done_at = now() WHERE done_at IS NULL`);
      await dataSource.query(`DELETE FROM budget_derivations WHERE budget_id = $1`, [budgetId]);
      const times: TRecomputeTimes = { coldStart: await recompute('0'), recompute: [], sqlRollup: [] };
      for (let i = 0; i < WARMUPS + RUNS; i++) {
        const ms = await recompute(await editLines(dataSource, budgetId, i));
        const sqlRollup = await timed(() => dataSource.query(SQL_ROLLUP, [budgetId]));
        if (i < WARMUPS) continue;
        times.recompute.push(ms);
        times.sqlRollup.push(sqlRollup);
      }
      return times;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await db.drop();
  }
}

main().then(
  (times) => process.send?.(times, () => process.exit(0)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
