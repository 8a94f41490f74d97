import { randomUUID } from 'node:crypto';
import type { TExpenditureLine } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import type { AuditChainer } from '../../apps/api/src/modules/audit/audit-chainer';
import { AuditService } from '../../apps/api/src/modules/audit/audit.service';
import { BudgetLinesRepository } from '../../apps/api/src/modules/budgets/budget-lines.repository';
import { EDITABLE_STATES } from '../../apps/api/src/modules/budgets/budget-versioning';
import { BudgetsRepository } from '../../apps/api/src/modules/budgets/budgets.repository';
import { UnitBudgetsRepository } from '../../apps/api/src/modules/budgets/units/unit-budgets.repository';
import { UnitBudgetsService } from '../../apps/api/src/modules/budgets/units/unit-budgets.service';
import { catalogueOfYear } from '../../apps/api/src/modules/budgets/year-catalogue';
import { CatalogueInForce } from '../../apps/api/src/modules/catalogue/catalogue-in-force';
import { TEST_PASSWORD } from '../../apps/api/test/utils/seed-people';
import { bareDataSource, bareManager, bareSessions, CLIENTS, concurrentLatencies, json, percentile, pg, signIn, startServer, stopServer, tellServer, type TPgPool } from './api-bench-kit';
import type { Figure } from './bench';
import { editorDepartmentCode, editorName } from './bench-people';

const LINES = 10_000;
const ROUNDS_PER_CLIENT = 25;

interface TEditedBudget {
  id: string;
  version: number;
  lines: readonly TExpenditureLine[];
  edits: number;
}

/** The next edit of a client's budget: one line, a new amount (an unchanged line would not be written at all). */
function nextEdit(budget: TEditedBudget): TExpenditureLine {
  budget.edits += 1;
  const line = budget.lines[(budget.edits * 37) % budget.lines.length] as TExpenditureLine;
  return { ...line, amount: `${1000 + budget.edits}.${String(budget.edits % 100).padStart(2, '0')}` };
}

/**
 * The statements PATCH /api/budgets/:id/lines sends for one line, in its order, by the API's own
 * repositories and services on a bare pg pool: the session lookup, the budget (its units are kept
 * from the first edit after an import, see BudgetUnitCodes), then at once the check of its units'
 * own budgets (UnitBudgetsService.refuseLineEdit) and the catalogue edition in force; then in one
 * transaction the request's id for the outbox (RequestIdTransactionSubscriber), the version bump,
 * the line, the editor with the totals job's outbox row and the kept line sums (its bound), and the
 * audit entry. The same line as the route's request body, so the same rows are written.
 */
function sqlEdit(pool: TPgPool, tokens: readonly string[], budgets: readonly TEditedBudget[]): (client: number) => Promise<void> {
  const sessions = bareSessions(pool);
  const audit = new AuditService(bareDataSource(pool), {} as AuditChainer);
  const catalogues = new CatalogueInForce(bareDataSource(pool));
  const [budgetsRepo, linesRepo] = [new BudgetsRepository(), new BudgetLinesRepository()];
  const unitBudgets = new UnitBudgetsService(new UnitBudgetsRepository(), budgetsRepo, linesRepo, audit);
  return async (client) => {
    const budget = budgets[client] as TEditedBudget;
    const caller = await sessions.authenticate(tokens[client] as string);
    if (caller === null) throw new Error('the bench session expired');
    const row = await budgetsRepo.findVisible(bareManager(pool), caller, budget.id);
    if (row === undefined) throw new Error('the bench budget vanished');
    const line = nextEdit(budget);
    const patch = { upsertExpenditure: [line], removeExpenditure: [], upsertIncome: [], removeIncome: [] };
    await Promise.all([unitBudgets.refuseLineEdit(bareManager(pool), row, patch), catalogueOfYear(catalogues, row.fiscal_year, bareManager(pool))]);
    const connection = await pool.connect();
    try {
      await connection.query('BEGIN');
      const m = bareManager(connection);
      await connection.query(`SELECT set_config('budgetflow.request_id', $1, true)`, [randomUUID()]);
      const bumped = await budgetsRepo.bumpIfEditable(m, budget.id, budget.version, EDITABLE_STATES, 1);
      if (bumped === undefined) throw new Error('the bench budget moved');
      await linesRepo.upsertExpenditure(m, row, [line], { version: bumped.version, firstOrdinal: bumped.first_ordinal });
      await budgetsRepo.recordEdit(m, { id: budget.id, version: bumped.version, revisionNo: bumped.revision_no + 1, userId: caller.userId });
      await audit.append(m, { actor: caller.username, action: 'budget.lines.edit', entity: 'budget', entityId: budget.id, budgetId: budget.id, payload: { fromVersion: budget.version, toVersion: bumped.version, upsertedExpenditure: [line.id], removedExpenditure: [], upsertedIncome: [], removedIncome: [] } });
      await connection.query('COMMIT');
      budget.version = bumped.version;
    } finally {
      connection.release();
    }
  };
}

/**
 * Line edits of 10,000-line budgets, 16 preparers at once, each on a budget of their own: the whole
 * PATCH against the same statements on a bare pool, and against itself with the audit entry left
 * out (the audit's cost; with and without alternate, so both see the same load).
 */
export async function run(report: (figure: Figure) => void): Promise<void> {
  const server = await startServer();
  const pool = new pg.Pool({ connectionString: server.databaseUrl, max: CLIENTS });
  try {
    const editors = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signIn(server.url, editorName(i + 1), TEST_PASSWORD)));
    const generated = generateBudget({ lines: LINES });
    const budgets: TEditedBudget[] = [];
    for (const [i, editor] of editors.entries()) {
      const document = { ...generated, department: { ...generated.department, code: editorDepartmentCode(i + 1) } };
      const created = await json(`${server.url}/api/budgets`, { method: 'POST', headers: editor.headers, body: JSON.stringify({ fiscalYear: document.fiscalYear }) });
      const id = String(created.body['id']);
      const imported = await json(`${server.url}/api/budgets/${id}/document`, { method: 'PUT', headers: { ...editor.headers, 'If-Match': `"${String(created.body['version'])}"` }, body: JSON.stringify(document) });
      budgets.push({ id, version: Number(imported.body['version']), lines: document.expenditureLines, edits: 0 });
    }
    const patch = async (client: number) => {
      const budget = budgets[client] as TEditedBudget;
      const res = await json(`${server.url}/api/budgets/${budget.id}/lines`, {
        method: 'PATCH',
        headers: { ...(editors[client] as { headers: Record<string, string> }).headers, 'If-Match': `"${budget.version}"` },
        body: JSON.stringify({ upsertExpenditure: [nextEdit(budget)] }),
      });
      budget.version = Number(res.body['version']);
    };
    await concurrentLatencies(5, patch);
    const withAudit = [await concurrentLatencies(ROUNDS_PER_CLIENT, patch)];
    await tellServer(server, { audit: false });
    const withoutAudit = await concurrentLatencies(ROUNDS_PER_CLIENT, patch);
    await tellServer(server, { audit: true });
    withAudit.push(await concurrentLatencies(ROUNDS_PER_CLIENT, patch));

    const sql = sqlEdit(pool, editors.map((e) => e.token), budgets);
    await concurrentLatencies(5, sql);
    const bare = await concurrentLatencies(ROUNDS_PER_CLIENT, sql);

    const apiP99 = percentile(withAudit.flatMap((r) => r.latencies), 99);
    const sqlP99 = percentile(bare.latencies, 99);
    const perSecond = (withAudit[0]!.perSecond + withAudit[1]!.perSecond) / 2;
    report({ name: 'api.patch-10k.c16.p99', value: apiP99, unit: 'ms', target: { op: '<=', value: 1.5 * sqlP99 } });
    report({ name: 'api.patch-10k.c16.sql-p99', value: sqlP99, unit: 'ms', target: { op: '>', value: 0 } });
    report({ name: 'api.patch-10k.c16.ratio-to-sql', value: apiP99 / sqlP99, unit: 'x', target: { op: '<=', value: 1.5 }, decimals: 2 });
    report({ name: 'api.patch-10k.c16.p50', value: percentile(withAudit.flatMap((r) => r.latencies), 50), unit: 'ms', target: { op: '>', value: 0 } });
    report({ name: 'api.patch-10k.c16.sql-p50', value: percentile(bare.latencies, 50), unit: 'ms', target: { op: '>', value: 0 } });
    report({ name: 'api.patch-10k.c16.edits-per-s', value: perSecond, unit: 'ops/s', target: { op: '>=', value: 300 }, decimals: 0 });
    report({ name: 'api.patch-10k.c16.sql-edits-per-s', value: bare.perSecond, unit: 'ops/s', target: { op: '>', value: 0 }, decimals: 0 });
    report({ name: 'api.patch-10k.c16.without-audit-edits-per-s', value: withoutAudit.perSecond, unit: 'ops/s', target: { op: '>', value: 0 }, decimals: 0 });
    report({ name: 'api.patch-10k.c16.audit-throughput-share', value: perSecond / withoutAudit.perSecond, unit: 'x', target: { op: '>=', value: 0.8 }, decimals: 2 });
  } finally {
    await pool.end();
    await stopServer(server);
  }
}
