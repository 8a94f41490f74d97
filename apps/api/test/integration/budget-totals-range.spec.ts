import { seedDocument, type TBudgetRef } from '../e2e/budget-test-kit';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { openSeededBudgetApp } from '../utils/seeded-budget-app';

/** The largest amount one line may carry; ten of them add up past what one budget may hold. */
const MAX_LINE = '9999999999999.99';

describe('totals past the per-line maximum', () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let budget: TBudgetRef;

  beforeAll(async () => {
    ({ t, budget, people: { preparer } } = await openSeededBudgetApp());
  });
  afterAll(() => t.close());

  const errorsOf = (body: unknown) => (body as { errors?: { path: string }[] }).errors?.map((e) => e.path);

  it('refuses a document whose lines add up past the bound, naming them, and keeps the version', async () => {
    for (const amounts of [Array(10).fill(MAX_LINE), ['10000000000000.00']]) {
      const doc = seedDocument();
      doc.expenditureLines = doc.expenditureLines.map((l, i) => (i < amounts.length ? { ...l, amount: amounts[i] } : l));
      const res = await t.http().put(`/api/budgets/${budget.id}/document`).set(preparer.headers).set('If-Match', `"${budget.version}"`).send(doc);
      expect([res.status, errorsOf(res.body)]).toEqual([400, ['expenditureLines']]);
    }
    const head = await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers).expect(200);
    expect(head.headers['etag']).toBe(`"${budget.version}"`);
  });

  it('refuses a patch that would take the lines past the bound', async () => {
    const lines = seedDocument().expenditureLines.slice(0, 10).map((l) => ({ ...l, amount: MAX_LINE }));
    const res = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version: budget.version, upsertExpenditure: lines });
    expect([res.status, errorsOf(res.body)]).toEqual([400, ['upsertExpenditure']]);
    const income = [{ id: 'BIG', source: 'other-income', amount: MAX_LINE }];
    const ok = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version: budget.version, upsertIncome: income });
    expect([ok.status, errorsOf(ok.body)]).toEqual([400, ['upsertIncome']]);
  });

  it('shows a budget stored past the bound with its exact totals and a finding, and refuses its submission without a 500', async () => {
    // As a budget saved before the bound existed: ten lines at the per-line maximum, a new version.
    await t.dataSource.query(
      `UPDATE expenditure_lines SET amount = $2, changed_in = (SELECT version + 1 FROM budgets WHERE id = $1) WHERE budget_id = $1 AND line_id IN (SELECT line_id FROM expenditure_lines WHERE budget_id = $1 ORDER BY ordinal LIMIT 10)`,
      [budget.id, MAX_LINE],
    );
    await t.dataSource.query(`UPDATE budgets SET version = version + 1 WHERE id = $1`, [budget.id]);
    const read = await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers);
    expect(read.status).toBe(200);
    const body = read.body as { totals: { expenditure: string }; errorCount: number; findings: { ruleId: string; location: unknown }[] };
    // Exact, past the safe integer range of 分: ten lines at the maximum and the seed's other lines.
    const rest = seedDocument().expenditureLines.slice(10).reduce((sum, l) => sum + BigInt(l.amount.replace('.', '')), 0n);
    const fen = 10n * 999999999999999n + rest;
    expect(body.totals.expenditure).toBe(`${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`);
    expect(body.findings).toEqual([expect.objectContaining({ ruleId: 'BUDGET.TOTAL_RANGE', location: { kind: 'document', path: 'expenditureLines' } })]);
    expect(body.errorCount).toBe(1);

    const submit = await t.http().post(`/api/budgets/${budget.id}/submit`).set(preparer.headers).send({});
    expect(submit.status).toBeGreaterThanOrEqual(400);
    expect(submit.status).toBeLessThan(500);
  });
});
