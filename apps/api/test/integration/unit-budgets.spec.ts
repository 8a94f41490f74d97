import { formatYuan, parseFen, sumFen, type Fen, type TBudgetDocument } from '@budgetflow/domain';
import { createSeededBudget, seedDocument, signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { budgetAuditTrail } from '../utils/audit-trail';
import { addDepartmentReviewer, addUnit, UNIT_PASSWORD, withUnits } from '../utils/unit-fixtures';

/**
 * 单位预算 over HTTP on PostgreSQL: the home department gets a 二级单位 (019001002) with a preparer of
 * its own (unitprep) and a department reviewer (leader). The unit's preparer starts the unit's budget
 * from the department's, edits and submits it; the leader returns and then approves it, and the
 * approval consolidates it into the 部门预算, whose submission waits for every unit.
 */
const UNIT = { code: '019001002', name: '硚口区政务数据服务站' };
const departmentDocument = () => withUnits(seedDocument(), [UNIT]);

describe('单位预算 (unit budgets) and their consolidation', () => {
  let t: TTestApp;
  let u: Record<'admin' | 'preparer' | 'preparer2' | 'publisher' | 'reviewer', TSignedIn>;
  let unitprep: TSignedIn;
  let leader: TSignedIn;
  let departmentBudget: string;
  let unitBudget: string;

  const act = (who: TSignedIn, id: string, action: string, body: object = {}) => t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(body);
  const read = async (id: string, who: TSignedIn = u.preparer) => (await t.http().get(`/api/budgets/${id}`).set(who.headers).expect(200)).body;
  const exported = async (id: string, who: TSignedIn = u.preparer): Promise<TBudgetDocument> => (await t.http().get(`/api/budgets/${id}/document`).set(who.headers).expect(200)).body;
  const unitFen = (doc: TBudgetDocument) => sumFen(doc.expenditureLines.filter((l) => l.unitCode === UNIT.code).map((l) => parseFen(l.amount)));

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'admin', 'preparer', 'preparer2', 'publisher', 'reviewer');
    unitprep = await addUnit(t, u.admin, UNIT, 'unitprep');
    leader = await addDepartmentReviewer(t, u.admin, 'leader');
  });
  afterAll(() => t.close());

  it('an administrator gives a unit only to a preparer, and only a 二级单位 of their own department', async () => {
    const base = { password: UNIT_PASSWORD, displayName: 'x', departmentCode: '019001' };
    const cases = [
      [{ ...base, username: 'bad1', role: 'publisher', unitCode: UNIT.code }, 'unitCode'],
      [{ ...base, username: 'bad2', role: 'preparer', unitCode: '019001' }, 'unitCode'],
      [{ ...base, username: 'bad3', role: 'preparer', unitCode: '999999' }, 'unitCode'],
      [{ ...base, username: 'bad4', role: 'department_reviewer', departmentCode: undefined }, 'departmentCode'],
    ] as const;
    for (const [body, path] of cases) {
      const refused = await t.http().post('/api/users').set(u.admin.headers).send(body);
      expect([refused.status, refused.body.errors?.[0]?.path]).toEqual([400, path]);
    }
    const me = (await t.http().get('/api/auth/me').set(unitprep.headers).expect(200)).body;
    expect([me.role, me.departmentCode, me.unit]).toEqual(['preparer', '019001', UNIT]);
    expect((await t.http().get('/api/auth/me').set(u.preparer.headers).expect(200)).body.unit).toBeNull();
  });

  it("a unit's budget starts from its part of the department's, which must exist first", async () => {
    const early = await t.http().post('/api/budgets').set(unitprep.headers).send({ fiscalYear: 2020 });
    expect([early.status, early.body.code]).toEqual([409, 'NO_DEPARTMENT_BUDGET']);
    departmentBudget = (await createSeededBudget(t, u.preparer, 2020, departmentDocument())).id;
    const created = await t.http().post('/api/budgets').set(unitprep.headers).send({ fiscalYear: 2020 }).expect(201);
    unitBudget = created.body.id;
    expect(created.body.unit).toEqual(UNIT);
    expect((await t.http().post('/api/budgets').set(unitprep.headers).send({ fiscalYear: 2020 })).status).toBe(409);
    const doc = await exported(unitBudget, unitprep);
    expect(doc.department.units).toEqual([expect.objectContaining({ code: UNIT.code, level: 'self' })]);
    expect(doc.expenditureLines.map((l) => l.id)).toEqual(['L012', 'L013', 'L014', 'L015', 'L016']);
    expect(unitFen(doc)).toBe(unitFen(await exported(departmentBudget)));
  });

  it("each side sees what is theirs: the unit only its own budget, the bureau never a unit's, the publisher not a unit's draft", async () => {
    expect((await t.http().get('/api/budgets').set(unitprep.headers).expect(200)).body.items.map((b: { id: string }) => b.id)).toEqual([unitBudget]);
    await t.http().get(`/api/budgets/${departmentBudget}`).set(unitprep.headers).expect(404);
    expect((await t.http().get('/api/budgets').set(u.preparer.headers).expect(200)).body.items.map((b: { id: string }) => b.id)).toEqual([departmentBudget, unitBudget]);
    // A unit's draft is the unit's own work: its department's reviewer sees it once submitted.
    await t.http().get(`/api/budgets/${unitBudget}`).set(leader.headers).expect(404);
    for (const outsider of [u.reviewer, u.publisher, u.preparer2]) await t.http().get(`/api/budgets/${unitBudget}`).set(outsider.headers).expect(404);
    expect((await read(departmentBudget)).unitBudgets).toEqual([expect.objectContaining({ id: unitBudget, unit: UNIT, state: 'draft' })]);
  });

  it("the unit's lines change in the unit's budget only: the department's preparer is refused there and in the 部门预算", async () => {
    const head = await read(departmentBudget);
    const touch = await t.http().patch(`/api/budgets/${departmentBudget}/lines`).set(u.preparer.headers).send({ version: head.version, removeExpenditure: ['L012'] });
    expect([touch.status, touch.body.code, touch.body.units, touch.body.lineIds]).toEqual([409, 'UNIT_LINES_CONSOLIDATED', [UNIT.code], ['L012']]);
    const line = (await exported(departmentBudget)).expenditureLines.find((l) => l.id === 'L001');
    const moveIn = await t.http().patch(`/api/budgets/${departmentBudget}/lines`).set(u.preparer.headers).send({ version: head.version, upsertExpenditure: [{ ...line, unitCode: UNIT.code }] });
    expect([moveIn.status, moveIn.body.code]).toEqual([409, 'UNIT_LINES_CONSOLIDATED']);
    // An import may carry the unit's part back as exported, not changed.
    const doc = await exported(departmentBudget);
    await t.http().put(`/api/budgets/${departmentBudget}/document`).set(u.preparer.headers).set('If-Match', `"${head.version}"`).send(doc).expect(200);
    const changed = { ...doc, expenditureLines: doc.expenditureLines.map((l) => (l.id === 'L012' ? { ...l, amount: '1.00' } : l)) };
    const refused = await t.http().put(`/api/budgets/${departmentBudget}/document`).set(u.preparer.headers).set('If-Match', `"${head.version + 1}"`).send(changed);
    expect([refused.status, refused.body.code, refused.body.units]).toEqual([409, 'UNIT_LINES_CONSOLIDATED', [UNIT.code]]);
    const unitHead = await read(unitBudget);
    await t.http().patch(`/api/budgets/${unitBudget}/lines`).set(u.preparer.headers).send({ version: unitHead.version, removeExpenditure: ['L012'] }).expect(403);
  });

  it("the unit submits; its department's reviewer returns it with a reason, then approves it with an opinion, which consolidates it", async () => {
    const unitDoc = await exported(unitBudget, unitprep);
    const raised = unitDoc.expenditureLines.map((l) => (l.id === 'L012' ? { ...l, amount: formatYuan((parseFen(l.amount) + 100_000) as Fen) } : l));
    const income = unitDoc.incomeLines.map((l) => ({ ...l, amount: formatYuan((parseFen(l.amount) + 100_000) as Fen) }));
    const head = await read(unitBudget, unitprep);
    await t.http().patch(`/api/budgets/${unitBudget}/lines`).set(unitprep.headers).send({ version: head.version, upsertExpenditure: raised.filter((l) => l.id === 'L012'), upsertIncome: income }).expect(200);
    // The 部门预算 cannot go to the bureau while a unit's budget is not approved.
    const early = await act(u.preparer, departmentBudget, 'submit');
    expect([early.status, early.body.code, early.body.pending]).toEqual([409, 'UNITS_NOT_APPROVED', [{ code: UNIT.code, name: UNIT.name, state: 'draft' }]]);

    await act(u.preparer, unitBudget, 'submit').expect(404);
    expect((await act(unitprep, unitBudget, 'submit').expect(200)).body).toEqual(expect.objectContaining({ state: 'submitted', round: 'unit', stageIndex: 0 }));
    const queue = (await t.http().get('/api/reviews/queue').set(leader.headers).expect(200)).body.items;
    expect(queue).toEqual([expect.objectContaining({ id: unitBudget, unit: UNIT, yourStage: true, stage: { index: 0, count: 1, name: '主管部门审核' } })]);
    expect((await t.http().get('/api/reviews/queue').set(u.reviewer.headers).expect(200)).body.items).toEqual([]);
    await act(u.reviewer, unitBudget, 'approve', { opinion: '同意' }).expect(404);

    expect((await act(leader, unitBudget, 'return', {})).status).toBe(400);
    await act(leader, unitBudget, 'return', { reason: '公用经费测算偏高' }).expect(200);
    await act(unitprep, unitBudget, 'submit').expect(200);
    const silent = await act(leader, unitBudget, 'approve', {});
    expect([silent.status, silent.body.code]).toEqual([400, 'OPINION_REQUIRED']);
    const before = unitFen(await exported(departmentBudget));
    await act(leader, unitBudget, 'approve', { opinion: '同意汇总' }).expect(200);

    // 审核汇总: the 部门预算 now holds the unit's approved figures, under the unit's ids.
    const consolidated = await exported(departmentBudget);
    expect(unitFen(consolidated) - before).toBe(100_000);
    expect(consolidated.expenditureLines.filter((l) => l.unitCode === UNIT.code).map((l) => l.id)).toEqual(['L012', 'L013', 'L014', 'L015', 'L016'].map((id) => `${UNIT.code}.${id}`));
    expect(consolidated.incomeLines.find((l) => l.unitCode === UNIT.code)?.id).toBe(`${UNIT.code}.I002`);
    expect((await read(departmentBudget)).unitBudgets).toEqual([expect.objectContaining({ state: 'approved' })]);
    const trail = await budgetAuditTrail(t, departmentBudget);
    expect(trail.at(-1)).toEqual(expect.objectContaining({ action: 'budget.consolidate', actor: 'leader' }));
    const review = (await t.http().get(`/api/budgets/${unitBudget}/review`).set(unitprep.headers).expect(200)).body;
    expect(review.trail.map((e: { action: string; opinion: string | null; reason: string | null }) => [e.action, e.opinion ?? e.reason])).toEqual([
      ['submit', null],
      ['return', '公用经费测算偏高'],
      ['submit', null],
      ['approve', '同意汇总'],
    ]);
  });

  it('the 部门预算 goes to the bureau with every unit approved, and then holds its units’ figures', async () => {
    await act(u.preparer, departmentBudget, 'submit').expect(200);
    const taken = await act(leader, unitBudget, 'return', { reason: '再核' });
    expect([taken.status, taken.body.code, taken.body.departmentBudgetState]).toEqual([409, 'DEPARTMENT_BUDGET_LOCKED', 'submitted']);
    expect((await read(unitBudget, unitprep)).state).toBe('approved');
    // Taken back by the department: the unit's approval may be undone again, and the 部门预算 waits for it.
    await act(u.preparer, departmentBudget, 'withdraw').expect(200);
    await act(leader, unitBudget, 'return', { reason: '再核' }).expect(200);
    expect((await act(u.preparer, departmentBudget, 'submit')).body.code).toBe('UNITS_NOT_APPROVED');
  });

});
