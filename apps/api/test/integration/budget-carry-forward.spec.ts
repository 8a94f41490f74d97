import { priorYearFiguresOf, ZBudgetDocument, type TBudgetDocument } from '@budgetflow/domain';
import { APPROVAL, createSeededBudget, seedDocument, signIn } from '../e2e/budget-test-kit';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';

/** Creating the 2021 budget from the approved 2020 one, on the real PostgreSQL. */
describe('a new year started from last year’s approved revision', () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let preparer2: TSignedIn;
  let reviewer: TSignedIn;
  let lastYear: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ preparer, preparer2, reviewer } = await signIn(t, 'preparer', 'preparer2', 'reviewer'));
    lastYear = (await createSeededBudget(t, preparer, 2020)).id;
  });
  afterAll(() => t.close());

  const create = (who: TSignedIn, body: object) => t.http().post('/api/budgets').set(who.headers).send(body);

  it('refuses a revision that is not approved yet, creating nothing', async () => {
    await t.http().post(`/api/budgets/${lastYear}/submit`).set(preparer.headers).expect(200);
    const refused = await create(preparer, { fiscalYear: 2021, fromRevision: { budgetId: lastYear, revisionNo: 1 } }).expect(404);
    expect(refused.body).toMatchObject({ code: 'NOT_FOUND' });
    await t.http().post(`/api/budgets/${lastYear}/approve`).set(reviewer.headers).send(APPROVAL).expect(200);
    const list = await t.http().get('/api/budgets?year=2021').set(preparer.headers).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('never lets another department copy the budget: 404, as if it did not exist, and nothing made', async () => {
    const refused = await create(preparer2, { fiscalYear: 2021, fromRevision: { budgetId: lastYear, revisionNo: 1 } }).expect(404);
    expect(refused.body).toMatchObject({ code: 'NOT_FOUND' });
    const rows: unknown[] = await t.dataSource.query(`SELECT 1 FROM budgets WHERE department_id = $1`, [t.people.departments.other.id]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a revision that does not exist and a malformed one, naming the field', async () => {
    await create(preparer, { fiscalYear: 2021, fromRevision: { budgetId: lastYear, revisionNo: 2 } }).expect(404);
    const bad = await create(preparer, { fiscalYear: 2021, fromRevision: { budgetId: lastYear, revisionNo: 0 } }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('fromRevision.revisionNo');
  });

  it('refuses a budget id that names no budget', async () => {
    await create(preparer, { fiscalYear: 2021, fromRevision: { budgetId: '00000000-0000-4000-8000-000000000000', revisionNo: 1 } }).expect(404);
  });

  it('copies units, 职能, staffing, the continuing project and the lines, fills 上年预算数, and says what it carried', async () => {
    const seed = ZBudgetDocument.parse(seedDocument());
    const created = await create(preparer, { fiscalYear: 2021, fromRevision: { budgetId: lastYear, revisionNo: 1 } }).expect(201);
    expect(created.body).toMatchObject({ fiscalYear: 2021, state: 'draft', carried: { fromYear: 2020, units: 1, functions: seed.department.functions.length, expenditureLines: seed.expenditureLines.length, incomeLines: 1, linesLeftOut: [], projects: { carried: [seed.projects[0]!.id], finished: [] } } });
    const document = (await t.http().get(`/api/budgets/${created.body.id}/document`).set(preparer.headers).expect(200)).body as TBudgetDocument;
    expect(document.fiscalYear).toBe(2021);
    expect(document.department.functions).toEqual(seed.department.functions);
    expect(document.department.staffing).toEqual(seed.department.staffing);
    expect(document.expenditureLines.map((l) => [l.id, l.amount])).toEqual(seed.expenditureLines.map((l) => [l.id, l.amount]));
    expect(document.priorYears[0]).toEqual(priorYearFiguresOf(seed));
    expect(document.projects.map((p) => p.id)).toEqual([seed.projects[0]!.id]);
    const audit: { payload: { fromRevision?: unknown } }[] = await t.dataSource.query(`SELECT payload FROM audit_log WHERE budget_id = $1 AND action = 'budget.create'`, [created.body.id]);
    expect(audit[0]?.payload.fromRevision).toEqual({ budgetId: lastYear, revisionNo: 1 });
    // The new budget's findings come from its own lines: they balance as last year's did.
    const view = await t.http().get(`/api/budgets/${created.body.id}`).set(preparer.headers).expect(200);
    const errors = (view.body.findings as { severity: string; ruleId: string }[]).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.ruleId)).toEqual([]);
  });

  it('makes one budget per year: a second start of 2021 is a conflict', async () => {
    await create(preparer, { fiscalYear: 2021, fromRevision: { budgetId: lastYear, revisionNo: 1 } }).expect(409);
  });
});
