import type { TSignedIn, TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';
import { APPROVAL, createSeededBudget, REVISION, seedDocumentFor, signIn, type TBudgetRef } from '../e2e/budget-test-kit';

/** One HTTP call through fetch, so that many run truly in parallel against the listening app. */
async function call(t: TTestApp, who: TSignedIn, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { ...who.headers, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as Record<string, unknown> };
}

const versionOf = (etag: string | null): number => Number((etag ?? '').replaceAll('"', ''));

describe('concurrency', () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let reviewer: TSignedIn;
  let reviewer2: TSignedIn;
  let publisher: TSignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    ({ preparer, reviewer, reviewer2, publisher } = await signIn(t, 'preparer', 'reviewer', 'reviewer2', 'publisher'));
  });
  afterAll(() => t.close());

  it('loses no accepted write among 1,000 conflicting edits from parallel clients', async () => {
    const budget: TBudgetRef = await createSeededBudget(t, preparer, 2020);
    const template = { unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation', amount: '0.01' };
    const accepted: string[] = [];
    const refused: string[] = [];
    const other: string[] = [];
    const CLIENTS = 20;
    const EDITS = 1_000;
    let next = 0;
    // Each client edits from the version it last saw; a 409 tells it the current one.
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
    // One version per accepted edit, and the sum moved by exactly 0.01 per accepted line.
    expect(versionOf(exported.etag)).toBe(budget.version + accepted.length);
    const read = await call(t, preparer, 'GET', `/api/budgets/${budget.id}`);
    const cents = 604_400_000 + accepted.length;
    expect((read.body['totals'] as { expenditure: string }).expenditure).toBe(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
  }, 240_000);

  it('has exactly one winner in each of 200 rounds of simultaneous approve and return', async () => {
    const budget = await createSeededBudget(t, preparer, 2021);
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
  }, 240_000);

  describe('Idempotency-Key', () => {
    let budget: TBudgetRef;
    beforeAll(async () => {
      budget = await createSeededBudget(t, await t.login('preparer2'), 2020, seedDocumentFor(t.people.departments.other));
    });

    it('acts once for retries with the same key, sequential or simultaneous', async () => {
      const preparer2 = await t.login('preparer2');
      // Ten simultaneous retries of one submission, then two late ones.
      const key = 'retry-submit-0001';
      const burst = await Promise.all(Array.from({ length: 10 }, () => call(t, preparer2, 'POST', `/api/budgets/${budget.id}/submit`, {}, { 'Idempotency-Key': key })));
      const late = [await call(t, preparer2, 'POST', `/api/budgets/${budget.id}/submit`, {}, { 'Idempotency-Key': key })];
      late.push(await call(t, preparer2, 'POST', `/api/budgets/${budget.id}/submit`, {}, { 'Idempotency-Key': key }));
      const all = [...burst, ...late];
      expect(all.map((r) => r.status)).toEqual(Array(12).fill(200));
      for (const r of all) expect(r.body).toEqual(all[0]?.body);
      expect(all[0]?.body).toMatchObject({ state: 'submitted', version: budget.version + 1, revisionNo: 1 });
      const submits: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE budget_id = $1 AND action = 'budget.submit'`, [budget.id]);
      expect(submits[0]?.n).toBe(1);
      const revisions: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM revisions WHERE budget_id = $1`, [budget.id]);
      expect(revisions[0]?.n).toBe(1);
    });

    it('answers every one of many parallel retries with the first answer, round after round, and acts once per key', async () => {
      const preparer2 = await t.login('preparer2');
      const other = await createSeededBudget(t, preparer2, 2021, seedDocumentFor(t.people.departments.other));
      const RETRIES = 16;
      // A retry that reads the budget after the first committed finds the action done: it must still answer as the first did.
      const ROUNDS = 6;
      const actions = Array.from({ length: ROUNDS * 2 }, (_, i) => (i % 2 === 0 ? 'submit' : 'withdraw'));
      for (const [round, action] of actions.entries()) {
        const key = `parallel-${action}-${round}-0001`;
        const answers = await Promise.all(Array.from({ length: RETRIES }, () => call(t, preparer2, 'POST', `/api/budgets/${other.id}/${action}`, {}, { 'Idempotency-Key': key })));
        expect([round, answers.map((r) => r.status)]).toEqual([round, Array(RETRIES).fill(200)]);
        for (const r of answers) expect(r.body).toEqual(answers[0]?.body);
      }
      const acted: { action: string; n: number }[] = await t.dataSource.query(
        `SELECT action, count(*)::int AS n FROM audit_log WHERE budget_id = $1 AND action IN ('budget.submit', 'budget.withdraw') GROUP BY action ORDER BY action`,
        [other.id],
      );
      expect(acted).toEqual([
        { action: 'budget.submit', n: ROUNDS },
        { action: 'budget.withdraw', n: ROUNDS },
      ]);
    }, 120_000);

    it('refuses a key reused for a different request, and a malformed key', async () => {
      const preparer2 = await t.login('preparer2');
      const reused = await call(t, preparer2, 'POST', `/api/budgets/${budget.id}/withdraw`, {}, { 'Idempotency-Key': 'retry-submit-0001' });
      expect(reused.status).toBe(409);
      expect(reused.body['errors']).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
      const malformed = await call(t, preparer2, 'POST', `/api/budgets/${budget.id}/withdraw`, {}, { 'Idempotency-Key': 'short' });
      expect(malformed.status).toBe(400);
      expect(malformed.body['errors']).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
      // Neither acted: the budget is still submitted.
      const state: { state: string }[] = await t.dataSource.query(`SELECT state FROM budgets WHERE id = $1`, [budget.id]);
      expect(state[0]?.state).toBe('submitted');
    });
  });
});
