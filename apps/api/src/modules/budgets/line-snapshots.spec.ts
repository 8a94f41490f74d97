import { aggregateLines, type TBudgetDocument, type TExpenditureLine } from '@budgetflow/domain';
import { createSeededBudget, seedDocument, seedDocumentFor, type TBudgetRef } from '../../../test/e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../../../test/utils/test-app';
import { BudgetLinesRepository } from './budget-lines.repository';
import { LineSnapshots } from './line-snapshots';
import { toExpenditureLine, toIncomeLine } from './mappers/budget-document.mapper';

/** Cells, maps and sets sorted, so that aggregates compare whatever order their cells came in. */
function mapsAsEntries(key: string, value: unknown): unknown {
  if (Array.isArray(value) && key.startsWith('by')) return value.map((cell) => JSON.stringify(cell)).sort();
  if (value instanceof Map) return [...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
  if (value instanceof Set) return [...value].sort();
  return value;
}

let t: TTestApp;
let preparer: TSignedIn;
const repository = new BudgetLinesRepository();

beforeAll(async () => {
  t = await createTestApp();
  preparer = await t.login('preparer');
});
afterAll(() => t.close());

/** What the snapshots answer and what a full read answers, in one repeatable-read snapshot as the derivation reads them. */
async function bothReads(snapshots: LineSnapshots, budgetId: string): Promise<{ kept: TExpenditureLine[]; read: TExpenditureLine[] }> {
  return t.dataSource.transaction('REPEATABLE READ', async (m) => {
    const [row] = (await m.query(`SELECT version, fiscal_year, lines_replaced_in FROM budgets WHERE id = $1`, [budgetId])) as { version: number; fiscal_year: number; lines_replaced_in: number }[];
    const lines = { id: budgetId, fiscal_year: row!.fiscal_year };
    const income = (await repository.loadIncome(m, lines)).map(toIncomeLine);
    const [kept, aggregate] = await snapshots.withLinesAt(m, { budgetId, fiscalYear: row!.fiscal_year, version: row!.version, replacedIn: row!.lines_replaced_in }, income, (lines, summed) => [lines, JSON.stringify(summed, mapsAsEntries)] as const);
    const read = (await repository.loadExpenditure(m, lines)).map(toExpenditureLine);
    // the tally brought up to date sums what a fresh pass over the lines sums
    expect(JSON.parse(aggregate)).toEqual(JSON.parse(JSON.stringify(aggregateLines({ expenditureLines: read, incomeLines: income }), mapsAsEntries)));
    return { kept, read };
  });
}

async function patch(budget: TBudgetRef, body: { upsertExpenditure?: TExpenditureLine[]; removeExpenditure?: string[] }): Promise<void> {
  const res = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version: budget.version, ...body });
  if (res.status !== 200) throw new Error(`patch answered ${res.status}: ${res.text}`);
  budget.version = Number(res.body.version);
}

async function importDocument(budget: TBudgetRef, document: TBudgetDocument): Promise<void> {
  const res = await t.http().put(`/api/budgets/${budget.id}/document`).set(preparer.headers).set('If-Match', `"${budget.version}"`).send(document);
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${res.text}`);
  budget.version = Number(res.body.version);
}

describe('LineSnapshots', () => {
  it('brought up to date edit after edit, they equal a full read of the lines, in the same order', async () => {
    const budget = await createSeededBudget(t, preparer);
    const snapshots = new LineSnapshots(repository);
    const first = await bothReads(snapshots, budget.id);
    expect(first.kept).toEqual(first.read);
    const [a, b, c] = first.read;
    const moved = (line: TExpenditureLine, amount: string): TExpenditureLine => ({ ...line, amount });

    const edits: (() => Promise<void>)[] = [
      () => patch(budget, { upsertExpenditure: [moved(b!, '12.34')] }),
      () => patch(budget, { removeExpenditure: [a!.id] }),
      () => patch(budget, { upsertExpenditure: [{ ...c!, id: 'NEW-1', amount: '0.01' }, { ...c!, id: 'NEW-2', amount: '0.02' }] }),
      // removed, then the same id written again: it comes back last, as its new ordinal says
      () => patch(budget, { upsertExpenditure: [moved(a!, '99.99')] }),
      () => patch(budget, { removeExpenditure: ['NEW-1'], upsertExpenditure: [moved(c!, '7.00')] }),
    ];
    for (const edit of edits) {
      await edit();
      const { kept, read } = await bothReads(snapshots, budget.id);
      expect(kept).toEqual(read);
    }
    expect((await bothReads(snapshots, budget.id)).read.at(-1)).toEqual(moved(a!, '99.99'));
  });

  it('several edits at once (a burst the totals job coalesces) and an import that replaces every line', async () => {
    const budget = await createSeededBudget(t, preparer, 2021);
    const snapshots = new LineSnapshots(repository);
    const [a, b] = (await bothReads(snapshots, budget.id)).read;
    await patch(budget, { upsertExpenditure: [{ ...a!, amount: '1.00' }] });
    await patch(budget, { removeExpenditure: [b!.id] });
    await patch(budget, { upsertExpenditure: [{ ...a!, id: 'LATE', amount: '3.00' }] });
    const burst = await bothReads(snapshots, budget.id);
    expect(burst.kept).toEqual(burst.read);

    const seed = seedDocument();
    await importDocument(budget, { ...seed, fiscalYear: 2021, expenditureLines: seed.expenditureLines.slice(2).map((l) => ({ ...l, amount: '5.00' })) });
    const replaced = await bothReads(snapshots, budget.id);
    expect(replaced.kept).toEqual(replaced.read);
    expect(replaced.kept.map((l) => l.amount)).toEqual(replaced.kept.map(() => '5.00'));
  });

  it('a refused edit leaves no note of a removal behind', async () => {
    // the other department's own budget, the home department's years being taken by the tests above
    const preparer2 = await t.login('preparer2');
    const budget = await createSeededBudget(t, preparer2, 2020, seedDocumentFor({ code: '999001', name: '示例单位' }));
    const [line] = (await bothReads(new LineSnapshots(repository), budget.id)).read;
    const res = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer2.headers).send({ version: budget.version, removeExpenditure: [line!.id, 'NO-SUCH-LINE'] });
    expect(res.status).toBe(400);
    const [removals] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM removed_expenditure_lines WHERE budget_id = $1`, [budget.id])) as { n: number }[];
    expect(removals?.n).toBe(0);
  });

  it('a line it cannot sum leaves no half-patched snapshot: once the line is fixed, the lines are read afresh', async () => {
    const preparer2 = await t.login('preparer2');
    const budget = await createSeededBudget(t, preparer2, 2021, seedDocumentFor({ code: '999001', name: '示例单位' }));
    const snapshots = new LineSnapshots(repository);
    const [line] = (await bothReads(snapshots, budget.id)).read;
    // Written behind the API's back: more than a line may hold, which the tally refuses to add.
    const writeAmount = async (amount: string): Promise<void> => {
      const [[bumped]] = (await t.dataSource.query(`UPDATE budgets SET version = version + 1 WHERE id = $1 RETURNING version`, [budget.id])) as [{ version: number }[], number];
      await t.dataSource.query(`UPDATE expenditure_lines SET amount = $3, changed_in = $4 WHERE budget_id = $1 AND line_id = $2`, [budget.id, line!.id, amount, bumped!.version]);
    };
    await writeAmount('9999999999999999.99');
    await expect(bothReads(snapshots, budget.id)).rejects.toThrow();
    await writeAmount('12.34');
    const fixed = await bothReads(snapshots, budget.id);
    expect(fixed.kept).toEqual(fixed.read);
    expect(fixed.kept.find((l) => l.id === line!.id)?.amount).toBe('12.34');
  });
});
