import { ZComment, ZRevision, ZRevisionMeta, canonicalJson } from '@budgetflow/domain';
import { createHash } from 'node:crypto';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import type { TBudgetRef } from '../e2e/budget-test-kit';
import { openSeededBudgetApp } from '../utils/seeded-budget-app';

describe('revisions, stale edits and comments', () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let reviewer: TSignedIn;
  let budget: TBudgetRef;

  beforeAll(async () => {
    ({ t, budget, people: { preparer, reviewer } } = await openSeededBudgetApp('reviewer'));
  });
  afterAll(() => t.close());

  it('refuses a stale edit with 409 and the current version, and keeps the newer one', async () => {
    const first = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version: budget.version, removeIncome: [], upsertIncome: [{ id: 'I001', source: 'general-budget-appropriation', amount: '6044000.00' }] }).expect(200);
    const stale = await t.http().patch(`/api/budgets/${budget.id}/lines`).set(preparer.headers).send({ version: budget.version, removeExpenditure: ['L001'] }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(stale.headers['etag']).toBe(`"${first.body.version}"`);
    const doc = await t.http().get(`/api/budgets/${budget.id}/document`).set(preparer.headers).expect(200);
    expect(doc.body.expenditureLines.map((l: { id: string }) => l.id)).toContain('L001');
    budget = { id: budget.id, version: first.body.version };
  });

  it('answers 304 to a reader who already has the current version', async () => {
    const first = await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers).expect(200);
    const etag = String(first.headers['etag']);
    await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers).set('If-None-Match', etag).expect(304);
    await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers).set('If-None-Match', '"1"').expect(200);
  });

  it('freezes each submission as an immutable revision with the sha256 of its canonical form', async () => {
    await t.http().post(`/api/budgets/${budget.id}/submit`).set(preparer.headers).expect(200);
    const list = await t.http().get(`/api/budgets/${budget.id}/revisions`).set(reviewer.headers).expect(200);
    // Parsed with the schemas the OpenAPI document gives these routes: they describe the answers.
    expect(ZRevisionMeta.array().parse(list.body.items)).toEqual([
      expect.objectContaining({ revisionNo: 1, budgetVersion: budget.version, submittedBy: { id: t.people.users.preparer.id, username: 'preparer' }, editorIds: [t.people.users.preparer.id] }),
    ]);
    const revision = ZRevision.parse((await t.http().get(`/api/budgets/${budget.id}/revisions/1`).set(reviewer.headers).expect(200)).body);
    expect(revision.sha256).toBe(createHash('sha256').update(canonicalJson(revision.document)).digest('hex'));
    expect(revision.disclosure.tables).toHaveLength(10);
    await t.http().get(`/api/budgets/${budget.id}/revisions/2`).set(reviewer.headers).expect(404);
    await expect(t.dataSource.query(`UPDATE revisions SET sha256 = repeat('0', 64) WHERE budget_id = $1`, [budget.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM revisions WHERE budget_id = $1`, [budget.id])).rejects.toThrow(/append-only/);
  });

  it('lets the preparer withdraw a submission, which hides it from reviewers again', async () => {
    await t.http().post(`/api/budgets/${budget.id}/withdraw`).set(preparer.headers).expect(200);
    await t.http().get(`/api/budgets/${budget.id}`).set(reviewer.headers).expect(404);
    const again = await t.http().post(`/api/budgets/${budget.id}/submit`).set(preparer.headers).expect(200);
    expect(again.body.revisionNo).toBe(2);
  });

  it('carries comments on the budget, a table row and a line, answered once by a preparer', async () => {
    const onRow = await t.http().post(`/api/budgets/${budget.id}/comments`).set(reviewer.headers).send({ target: { kind: 'row', table: 'T3', row: 'total' }, body: '合计与表1不符？' }).expect(201);
    const onLine = await t.http().post(`/api/budgets/${budget.id}/comments`).set(reviewer.headers).send({ target: { kind: 'line', lineId: 'L001' }, body: '请说明' }).expect(201);
    expect(ZComment.parse(onRow.body)).toMatchObject({ target: { kind: 'row', table: 'T3', row: 'total' }, author: { username: 'reviewer' }, answer: null });
    const answered = await t.http().post(`/api/comments/${onLine.body.id}/answer`).set(preparer.headers).send({ answer: '按编制人数测算' }).expect(200);
    expect(ZComment.parse(answered.body).answer).toMatchObject({ text: '按编制人数测算', by: { username: 'preparer' } });
    await t.http().post(`/api/comments/${onLine.body.id}/answer`).set(preparer.headers).send({ answer: '再答' }).expect(409);
    const list = await t.http().get(`/api/budgets/${budget.id}/comments`).set(preparer.headers).expect(200);
    expect(ZComment.array().parse(list.body.items).map((c) => [c.target.kind, c.answer === null])).toEqual([
      ['row', true],
      ['line', false],
    ]);
  });
});
