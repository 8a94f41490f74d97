import type { TExpenditureLine, TIncomeLine } from '@budgetflow/domain';
import { createSeededBudget, seedDocument } from '../../../test/e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../../../test/utils/test-app';

let t: TTestApp;
let preparer: TSignedIn;

beforeAll(async () => {
  t = await createTestApp();
  preparer = await t.login('preparer');
});
afterAll(() => t.close());

/** Each line's row version (xmin changes exactly when PostgreSQL writes the row anew), ordinal and stamp. */
async function rowsOf(budgetId: string): Promise<Map<string, { xmin: string; ordinal: number; changed_in?: number }>> {
  const expenditure: { line_id: string; xmin: string; ordinal: number; changed_in: number }[] = await t.dataSource.query(
    `SELECT line_id, xmin::text AS xmin, ordinal, changed_in FROM expenditure_lines WHERE budget_id = $1`,
    [budgetId],
  );
  const income: { line_id: string; xmin: string; ordinal: number }[] = await t.dataSource.query(`SELECT line_id, xmin::text AS xmin, ordinal FROM income_lines WHERE budget_id = $1`, [budgetId]);
  return new Map([...expenditure.map((r) => [`e:${r.line_id}`, r] as const), ...income.map((r) => [`i:${r.line_id}`, r] as const)]);
}

describe('an edit writes only its lines', () => {
  it('a changed line is rewritten, a line sent unchanged and every other line are not; new lines go after the last', async () => {
    const budget = await createSeededBudget(t, preparer);
    const document = seedDocument();
    const [first, second] = document.expenditureLines as [TExpenditureLine, TExpenditureLine];
    const [income] = document.incomeLines as [TIncomeLine];
    const before = await rowsOf(budget.id);

    const res = await t
      .http()
      .patch(`/api/budgets/${budget.id}/lines`)
      .set(preparer.headers)
      .send({
        version: budget.version,
        upsertExpenditure: [{ ...first, amount: '1.23' }, second, { ...second, id: 'NEW-E' }],
        upsertIncome: [income, { ...income, id: 'NEW-I', amount: '1.23' }],
      })
      .expect(200);
    const after = await rowsOf(budget.id);

    const rewritten = [...after.keys()].filter((key) => before.get(key)?.xmin !== after.get(key)?.xmin).sort();
    expect(rewritten).toEqual([`e:${first.id}`, 'e:NEW-E', 'i:NEW-I'].sort());
    expect(after.get(`e:${first.id}`)).toMatchObject({ ordinal: before.get(`e:${first.id}`)!.ordinal, changed_in: res.body.version });
    expect(after.get(`e:${second.id}`)).toEqual(before.get(`e:${second.id}`));
    const highest = (prefix: string) => Math.max(...[...before].filter(([key]) => key.startsWith(prefix)).map(([, row]) => row.ordinal));
    expect(after.get('e:NEW-E')!.ordinal).toBeGreaterThan(highest('e:'));
    expect(after.get('i:NEW-I')!.ordinal).toBeGreaterThan(highest('i:'));

    // The page lists the new line last, and a second edit's new line after it.
    const again = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version: res.body.version, upsertExpenditure: [{ ...second, id: 'NEW-E2' }] }).expect(200);
    const page = await t.http().get(`/api/budgets/${budget.id}?linePageSize=1000`).set(preparer.headers).expect(200);
    expect(page.body.lines.expenditure.items.map((l: TExpenditureLine) => l.id).slice(-2)).toEqual(['NEW-E', 'NEW-E2']);
    expect(again.body.version).toBe(res.body.version + 1);
  });

  it("an import numbers its lines from 1 again; the edits after it add after them, against the import's units", async () => {
    const document = seedDocument();
    const budget = await createSeededBudget(t, preparer, 2021, document);
    const rows: { ordinal: number }[] = await t.dataSource.query(`SELECT ordinal FROM expenditure_lines WHERE budget_id = $1 ORDER BY ordinal`, [budget.id]);
    expect(rows.map((r) => r.ordinal)).toEqual(document.expenditureLines.map((_, i) => i + 1));
    const [line] = document.expenditureLines as [TExpenditureLine];
    const edit = (version: number, change: Partial<TExpenditureLine>) =>
      t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version, upsertExpenditure: [{ ...line, ...change }] });
    const after = await edit(budget.version, { id: 'AFTER' }).expect(200);
    const [added]: { ordinal: number }[] = await t.dataSource.query(`SELECT ordinal FROM expenditure_lines WHERE budget_id = $1 AND line_id = 'AFTER'`, [budget.id]);
    expect(added!.ordinal).toBeGreaterThan(document.expenditureLines.length + document.incomeLines.length);

    // A unit the budget does not have is refused, until an import brings it.
    const refused = await edit(after.body.version, { id: 'IN-NEW-UNIT', unitCode: '019001001' }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'upsertExpenditure.0.unitCode' })]);
    const units = [...document.department.units, { code: '019001001', name: '下属单位', level: 'subordinate' as const }];
    const imported = await t.http().put(`/api/budgets/${budget.id}/document`).set(preparer.headers).set('If-Match', `"${after.body.version}"`).send({ ...document, fiscalYear: 2021, department: { ...document.department, units } });
    expect(imported.status).toBe(200);
    await edit(imported.body.version, { id: 'IN-NEW-UNIT', unitCode: '019001001' }).expect(200);
  });
});
