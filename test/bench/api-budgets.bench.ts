import { writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TBudgetDocument } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import { BudgetLinesRepository } from '../../apps/api/src/modules/budgets/budget-lines.repository';
import { BudgetsRepository } from '../../apps/api/src/modules/budgets/budgets.repository';
import { TEST_PASSWORD } from '../../apps/api/test/utils/seed-people';
import { bareManager, bareSessions, CLIENTS, concurrentLatencies, json, median, percentile, pg, signIn, startServer, stopServer, timed, type TPgPool } from './api-bench-kit';
import type { Figure } from './bench';

const LINES = 10_000;
const ROUNDS_PER_CLIENT = 25;

/**
 * The baseline of an import: COPY of the same expenditure rows into expenditure_lines itself (keys,
 * foreign key and all), for another budget, from a CSV file the local server reads.
 */
async function copyBaseline(databaseUrl: string, budgetId: string, document: TBudgetDocument): Promise<{ once(): Promise<number>; close(): Promise<void> }> {
  const file = path.join(tmpdir(), `bf-bench-copy-${process.pid}.csv`);
  const csv = (value: string | undefined) => (value === undefined ? '' : `"${value.replaceAll('"', '""')}"`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // The lines' partition: their budget's year.
  const [{ fiscal_year: year }] = (await client.query('SELECT fiscal_year FROM budgets WHERE id = $1', [budgetId])).rows as [{ fiscal_year: number }];
  writeFileSync(
    file,
    document.expenditureLines
      .map((l, i) => [budgetId, year, csv(l.id), i + 1, l.unitCode, l.functionCode, l.economicCode, l.kind, csv(l.projectId), l.fundSource, l.amount, csv(l.note)].join(','))
      .join('\n'),
  );
  return {
    async once() {
      await client.query('DELETE FROM expenditure_lines WHERE budget_id = $1', [budgetId]);
      return timed(() => client.query(`COPY expenditure_lines (budget_id, fiscal_year, line_id, ordinal, unit_code, function_code, economic_code, kind, project_id, fund_source, amount, note) FROM '${file}' WITH (FORMAT csv)`));
    },
    async close() {
      await client.end();
      unlinkSync(file);
    },
  };
}

/**
 * The statements GET /api/budgets/:id sends, by the API's own repositories on a bare pg pool, with
 * everything they answer: the session lookup, the budget, then at once its stored derivation (the
 * 300 kB the answer carries; the route holds it in memory after its first read), the first page of
 * 200 lines and the income lines.
 */
function routeQueries(pool: TPgPool, token: string, budgetId: string): () => Promise<unknown> {
  const sessions = bareSessions(pool);
  const [budgets, lines] = [new BudgetsRepository(), new BudgetLinesRepository()];
  const m = bareManager(pool);
  return async () => {
    const caller = await sessions.authenticate(token);
    if (caller === null) throw new Error('the bench session expired');
    const budget = await budgets.findVisible(m, caller, budgetId);
    if (budget === undefined) throw new Error('the bench budget vanished');
    return Promise.all([
      pool.query(`SELECT version, payload FROM budget_derivations WHERE budget_id = $1 AND version = $2`, [budgetId, budget.version]),
      lines.expenditurePage(m, budget, 1, 200),
      lines.loadIncome(m, budget),
    ]);
  };
}

export async function run(report: (figure: Figure) => void): Promise<void> {
  const server = await startServer();
  try {
    const { token, headers: auth } = await signIn(server.url, 'preparer', TEST_PASSWORD);
    const generated = generateBudget({ lines: LINES });
    const document: TBudgetDocument = { ...generated, department: { ...generated.department, code: '019001' } };
    const created = await json(`${server.url}/api/budgets`, { method: 'POST', headers: auth, body: JSON.stringify({ fiscalYear: document.fiscalYear }) });
    const id = String(created.body['id']);
    let version = Number(created.body['version']);
    const body = JSON.stringify(document);

    // Import: the whole PUT (parse, validate, replace 10,000 rows, audit), each run paired with a
    // COPY of the same rows right after it, so that both see the same load on a shared machine.
    const scratch = await json(`${server.url}/api/budgets`, { method: 'POST', headers: auth, body: JSON.stringify({ fiscalYear: document.fiscalYear + 1 }) });
    const copy = await copyBaseline(server.databaseUrl, String(scratch.body['id']), document);
    const importTimes: number[] = [];
    const copyTimes: number[] = [];
    try {
      for (let i = 0; i < 7; i++) {
        importTimes.push(
          await timed(async () => {
            const res = await json(`${server.url}/api/budgets/${id}/document`, { method: 'PUT', headers: { ...auth, 'If-Match': `"${version}"` }, body });
            version = Number(res.body['version']);
          }),
        );
        copyTimes.push(await copy.once());
      }
    } finally {
      await copy.close();
    }
    const importMs = median(importTimes);
    const copyMs = median(copyTimes);
    report({ name: 'api.import-10k.ms', value: importMs, unit: 'ms', target: { op: '<=', value: 300 } });
    report({ name: 'api.import-10k.copy-ms', value: copyMs, unit: 'ms', target: { op: '<=', value: 300 } });
    report({ name: 'api.import-10k.ratio-to-copy', value: importMs / copyMs, unit: 'x', target: { op: '<=', value: 3 } });

    // Read: the budget with its derived tables and findings, 16 clients at once, gzipped as browsers
    // ask for it. The client reads the whole answer; parsing it is the client's time, not the server's.
    const read = async () => {
      const res = await fetch(`${server.url}/api/budgets/${id}`, { headers: auth });
      if (res.status !== 200) throw new Error(`GET answered ${res.status}`);
      return res.text();
    };
    await read();
    const getP99 = percentile((await concurrentLatencies(ROUNDS_PER_CLIENT, read)).latencies, 99);
    const pool = new pg.Pool({ connectionString: server.databaseUrl, max: CLIENTS });
    try {
      const queries = routeQueries(pool, token, id);
      await queries();
      const sqlP99 = percentile((await concurrentLatencies(ROUNDS_PER_CLIENT, queries)).latencies, 99);
      report({ name: 'api.get-10k.c16.p99', value: getP99, unit: 'ms', target: { op: '<=', value: 1.5 * sqlP99 } });
      report({ name: 'api.get-10k.c16.sql-p99', value: sqlP99, unit: 'ms', target: { op: '>', value: 0 } });
      report({ name: 'api.get-10k.c16.ratio-to-sql', value: getP99 / sqlP99, unit: 'x', target: { op: '<=', value: 1.5 }, decimals: 2 });
    } finally {
      await pool.end();
    }
  } finally {
    await stopServer(server);
  }
}
