import { seedDocument, type TBudgetRef } from '../e2e/budget-test-kit';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { openSeededBudgetApp } from '../utils/seeded-budget-app';

/**
 * The sums of a budget's lines that its row keeps (migration 1797700000000) are what its lines add
 * up to after every kind of write: an import, an edit that changes, adds and removes lines, income
 * lines, a write straight to the table, and another import replacing them all.
 */
describe("a budget's kept line sums", () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let budget: TBudgetRef;

  beforeAll(async () => {
    ({ t, budget, people: { preparer } } = await openSeededBudgetApp());
  });
  afterAll(() => t.close());

  /** The kept sums beside the lines' own, both as exact text. */
  const sums = async () => {
    const [row] = (await t.dataSource.query(
      `SELECT b.expenditure_sum::text AS kept_expenditure, b.income_sum::text AS kept_income,
              (SELECT coalesce(sum(amount), 0)::text FROM expenditure_lines WHERE budget_id = b.id) AS expenditure,
              (SELECT coalesce(sum(amount), 0)::text FROM income_lines WHERE budget_id = b.id) AS income
       FROM budgets b WHERE b.id = $1`,
      [budget.id],
    )) as { kept_expenditure: string; kept_income: string; expenditure: string; income: string }[];
    return row!;
  };
  const expectKept = async () => {
    const s = await sums();
    expect([s.kept_expenditure, s.kept_income]).toEqual([s.expenditure, s.income]);
    return s;
  };
  const patch = async (body: object) => {
    const res = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version: budget.version, ...body }).expect(200);
    budget = { id: budget.id, version: (res.body as { version: number }).version };
  };

  it('match the lines after an import', async () => {
    const s = await expectKept();
    expect(Number(s.expenditure)).toBeGreaterThan(0);
  });

  it('follow an edit that changes, adds and removes lines, and the income lines', async () => {
    const [first, second] = seedDocument().expenditureLines;
    const income = seedDocument().incomeLines[0]!;
    const before = await sums();
    await patch({ upsertExpenditure: [{ ...first!, amount: '0.01' }, { ...first!, id: 'NEW-1', amount: '123456789.99' }], removeExpenditure: [second!.id], upsertIncome: [{ ...income, amount: '1.10' }] });
    const after = await expectKept();
    expect(after.expenditure).not.toBe(before.expenditure);
    expect(after.income).toBe('1.10');
    // Sent unchanged, nothing is rewritten and the sums stay.
    await patch({ upsertExpenditure: [{ ...first!, id: 'NEW-1', amount: '123456789.99' }] });
    expect(await expectKept()).toEqual(after);
  });

  it('follow a write straight to the table, and an import that replaces every line', async () => {
    await t.dataSource.query(`UPDATE expenditure_lines SET amount = amount + 0.05 WHERE budget_id = $1`, [budget.id]);
    await expectKept();
    await t.dataSource.query(`DELETE FROM expenditure_lines WHERE budget_id = $1 AND line_id = 'NEW-1'`, [budget.id]);
    await expectKept();
    const res = await t.http().put(`/api/budgets/${budget.id}/document`).set(preparer.headers).set('If-Match', `"${budget.version}"`).send(seedDocument()).expect(200);
    budget = { id: budget.id, version: (res.body as { version: number }).version };
    const s = await expectKept();
    const seeded = seedDocument().expenditureLines.reduce((sum, l) => sum + BigInt(l.amount.replace('.', '')), 0n);
    expect(BigInt(s.expenditure.replace('.', ''))).toBe(seeded);
  });
});
