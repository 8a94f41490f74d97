import type { TSignedIn, TTarget } from '../utils/test-app';
import { APPROVAL, createSeededBudget, REVISION, signIn, type TBudgetRef } from '../e2e/budget-test-kit';

/**
 * The concurrency stories users rely on, told against any running Budgetflow: one process
 * (budget-concurrency.spec.ts) or several API processes behind a proxy (test/cluster), where
 * nothing a process keeps to itself may decide the outcome.
 */

export interface TCall {
  status: number;
  etag: string | null;
  body: Record<string, unknown>;
}

/** One HTTP call through fetch, so that many run truly in parallel against the listening app. */
export async function call(t: TTarget, who: TSignedIn, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TCall> {
  const res = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { ...who.headers, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag'), body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

export const versionOf = (etag: string | null): number => Number((etag ?? '').replaceAll('"', ''));

/**
 * 1,000 edits from 20 clients, each from the version it last saw: every edit is accepted or refused
 * with 409 (which names the current version), an accepted one is in the budget and a refused one is
 * not, there is one version per accepted edit, and the total moved by exactly 0.01 per accepted line.
 */
export async function conflictingEdits(t: TTarget, fiscalYear: number): Promise<void> {
  const { preparer } = await signIn(t, 'preparer');
  const budget: TBudgetRef = await createSeededBudget(t, preparer, fiscalYear);
  const template = { unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation', amount: '0.01' };
  const accepted: string[] = [];
  const refused: string[] = [];
  const other: string[] = [];
  const CLIENTS = 20;
  const EDITS = 1_000;
  let next = 0;
  const client = async (n: number) => {
    let seen = budget.version;
    for (let k = next++; k < EDITS; k = next++) {
      const id = `C${n}-${k}`;
      const res = await call(t, preparer, 'PATCH', `/api/budgets/${budget.id}/lines`, { version: seen, upsertExpenditure: [{ id, ...template }] });
      if (res.status === 200) accepted.push(id);
      else if (res.status === 409) refused.push(id);
      else other.push(`${id}: ${res.status}`);
      if (res.etag !== null) seen = versionOf(res.etag);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));

  expect(other).toEqual([]);
  expect(accepted.length + refused.length).toBe(EDITS);
  expect(accepted.length).toBeGreaterThan(0);
  expect(refused.length).toBeGreaterThan(0);
  const exported = await call(t, preparer, 'GET', `/api/budgets/${budget.id}/document`);
  const ids = new Set((exported.body['expenditureLines'] as { id: string }[]).map((l) => l.id));
  expect(accepted.filter((id) => !ids.has(id))).toEqual([]);
  expect(refused.filter((id) => ids.has(id))).toEqual([]);
  expect(versionOf(exported.etag)).toBe(budget.version + accepted.length);
  const read = await call(t, preparer, 'GET', `/api/budgets/${budget.id}`);
  const cents = 604_400_000 + accepted.length;
  expect((read.body['totals'] as { expenditure: string }).expenditure).toBe(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
}

/**
 * 200 rounds of a submission approved and returned at the same moment by two reviewers: exactly one
 * of the two wins each round (the other gets 409), and the audit trail and the revisions agree.
 */
export async function racingDecisions(t: TTarget, fiscalYear: number): Promise<void> {
  const { preparer, reviewer, reviewer2, publisher } = await signIn(t, 'preparer', 'reviewer', 'reviewer2', 'publisher');
  const budget = await createSeededBudget(t, preparer, fiscalYear);
  const tally = { approve: 0, return: 0 };
  const failures: string[] = [];
  for (let round = 0; round < 200; round += 1) {
    const submitted = await call(t, preparer, 'POST', `/api/budgets/${budget.id}/submit`, {});
    if (submitted.status !== 200) throw new Error(`round ${round}: submit answered ${submitted.status} ${JSON.stringify(submitted.body)}`);
    const [approve, ret] = await Promise.all([
      call(t, reviewer2, 'POST', `/api/budgets/${budget.id}/approve`, APPROVAL),
      call(t, reviewer, 'POST', `/api/budgets/${budget.id}/return`, { reason: `round ${round}` }),
    ]);
    const statuses = [approve.status, ret.status].sort().join(',');
    if (statuses !== '200,409') failures.push(`round ${round}: approve ${approve.status}, return ${ret.status}`);
    if (approve.status === 200) {
      tally.approve += 1;
      // Back to a submittable state through the only road there is: publish, then revise.
      expect((await call(t, publisher, 'POST', `/api/budgets/${budget.id}/publish`, {})).status).toBe(200);
      expect((await call(t, preparer, 'POST', `/api/budgets/${budget.id}/revise`, REVISION)).status).toBe(200);
    } else if (ret.status === 200) {
      tally.return += 1;
    }
  }
  expect(failures).toEqual([]);
  expect(tally.approve + tally.return).toBe(200);
  const decisions: { action: string; n: number }[] = await t.dataSource.query(
    `SELECT action, count(*)::int AS n FROM audit_log WHERE budget_id = $1 AND action IN ('budget.approve', 'budget.return') GROUP BY action ORDER BY action`,
    [budget.id],
  );
  expect(decisions).toEqual([
    ...(tally.approve > 0 ? [{ action: 'budget.approve', n: tally.approve }] : []),
    ...(tally.return > 0 ? [{ action: 'budget.return', n: tally.return }] : []),
  ]);
  const revisions: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM revisions WHERE budget_id = $1`, [budget.id]);
  expect(revisions[0]?.n).toBe(200);
}
