import type { TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';
import { createSeededBudget, seedDocumentFor, type TBudgetRef } from '../e2e/budget-test-kit';
import { call, conflictingEdits, racingDecisions } from './concurrency-stories';

describe('concurrency', () => {
  let t: TTestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loses no accepted write among 1,000 conflicting edits from parallel clients', () => conflictingEdits(t, 2020), 900_000);

  it('has exactly one winner in each of 200 rounds of simultaneous approve and return', () => racingDecisions(t, 2021), 900_000);

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
