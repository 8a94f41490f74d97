import type { TSignedIn, TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';
import { budgetAuditTrail } from '../utils/audit-trail';
import { APPROVAL, createSeededBudget, REVISION, signIn } from './budget-test-kit';

/**
 * The whole story over HTTP, as the people involved live it: the preparer imports and submits,
 * a reviewer returns it with a reason, the preparer fixes it, another reviewer approves, the
 * publisher publishes, and anyone can read it without signing in. Forbidden moves on the way.
 */
describe('a budget from draft to the public', () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let reviewer: TSignedIn;
  let reviewer2: TSignedIn;
  let publisher: TSignedIn;
  let preparer2: TSignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    ({ preparer, reviewer, reviewer2, publisher, preparer2 } = await signIn(t, 'preparer', 'reviewer', 'reviewer2', 'publisher', 'preparer2'));
  });
  afterAll(() => t.close());

  it('goes draft → submit → return → fix → submit → approve → publish → public', async () => {
    const http = () => t.http();
    const { id, version: imported } = await createSeededBudget(t, preparer);

    // The draft is the department's own: the reviewer and the other department do not see it.
    await http().get(`/api/budgets/${id}`).set(reviewer.headers).expect(404);
    await http().get(`/api/budgets/${id}`).set(preparer2.headers).expect(404);

    const draft = await http().get(`/api/budgets/${id}`).set(preparer.headers).expect(200);
    expect(draft.headers['etag']).toBe(`"${imported}"`);
    expect(draft.body).toMatchObject({ state: 'draft', version: imported, errorCount: 0 });
    expect(draft.body.totals).toMatchObject({ expenditure: '6044000.00', income: '6044000.00', expenditureLineCount: 30 });
    expect(draft.body.disclosure.tables.map((table: { id: string }) => table.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10']);

    // A publisher cannot submit; a preparer can.
    await http().post(`/api/budgets/${id}/submit`).set(publisher.headers).expect(403);
    const submitted = await http().post(`/api/budgets/${id}/submit`).set(preparer.headers).send({ version: imported }).expect(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', revisionNo: 1 });

    // Frozen: no edit, no second submission, no publication before approval.
    await http().patch(`/api/budgets/${id}/lines`).set(preparer.headers).send({ version: submitted.body.version, removeExpenditure: ['L001'] }).expect(409);
    await http().post(`/api/budgets/${id}/submit`).set(preparer.headers).expect(409);
    await http().post(`/api/budgets/${id}/publish`).set(publisher.headers).expect(409);
    // Returning needs a reason, and the field is named.
    const noReason = await http().post(`/api/budgets/${id}/return`).set(reviewer.headers).send({}).expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);

    const returned = await http().post(`/api/budgets/${id}/return`).set(reviewer.headers).send({ reason: '项目支出测算依据不足' }).expect(200);
    expect(returned.body.state).toBe('returned');
    const seenByPreparer = await http().get(`/api/budgets/${id}`).set(preparer.headers).expect(200);
    expect(seenByPreparer.body).toMatchObject({ state: 'returned', returnReason: '项目支出测算依据不足' });

    // The fix: first a change that unbalances the budget, which blocks submission …
    const line = seenByPreparer.body.lines.expenditure.items.find((l: { id: string }) => l.id === 'L001');
    const raised = await http()
      .patch(`/api/budgets/${id}/lines`)
      .set(preparer.headers)
      .set('If-Match', String(seenByPreparer.headers['etag']))
      .send({ upsertExpenditure: [{ ...line, amount: '384100.00' }] })
      .expect(200);
    const blocked = await http().post(`/api/budgets/${id}/submit`).set(preparer.headers).expect(409);
    expect(blocked.body.detail).toContain('SUBMISSION_HAS_ERRORS');
    // … then the income that balances it again.
    await http()
      .patch(`/api/budgets/${id}/lines`)
      .set(preparer.headers)
      .send({ version: raised.body.version, upsertIncome: [{ id: 'I001', source: 'general-budget-appropriation', amount: '6044100.00' }] })
      .expect(200);
    const resubmitted = await http().post(`/api/budgets/${id}/submit`).set(preparer.headers).expect(200);
    expect(resubmitted.body).toMatchObject({ state: 'submitted', revisionNo: 2 });

    // The reviewer sees what changed between the two submissions.
    const diff = await http().get(`/api/budgets/${id}/diff?from=1&to=2`).set(reviewer2.headers).expect(200);
    expect(diff.body.diff.expenditureLines.changed).toEqual([
      expect.objectContaining({ key: 'L001', fields: ['amount'], before: expect.objectContaining({ amount: '384000.00' }), after: expect.objectContaining({ amount: '384100.00' }) }),
    ]);
    expect(diff.body.diff.incomeLines.changed).toEqual([expect.objectContaining({ key: 'I001' })]);
    expect(diff.body.diff.cells.length).toBeGreaterThan(0);

    // Only a reviewer approves; the preparer who submitted cannot.
    await http().post(`/api/budgets/${id}/approve`).set(preparer.headers).expect(403);
    const approved = await http().post(`/api/budgets/${id}/approve`).set(reviewer2.headers).send(APPROVAL).expect(200);
    expect(approved.body.state).toBe('approved');
    await http().post(`/api/budgets/${id}/return`).set(reviewer.headers).send({ reason: 'late' }).expect(409);
    // The publisher's list carries the 批复's date: the 20 days to publish run from it.
    const toPublish = await http().get('/api/budgets?state=approved').set(publisher.headers).expect(200);
    expect(toPublish.body.items).toEqual([expect.objectContaining({ id, repliedOn: APPROVAL.date })]);

    // Nothing is public before publication.
    const before = await http().get('/api/public/disclosures?year=2020').expect(200);
    expect(before.body.items).toEqual([]);

    const published = await http().post(`/api/budgets/${id}/publish`).set(publisher.headers).expect(200);
    expect(published.body).toMatchObject({ state: 'published', publication: { versionNo: 1 } });

    // The public, without signing in.
    const list = await http().get('/api/public/disclosures?year=2020&department=019001').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: published.body.publication.id, versionNo: 1, revisionNo: 2, latest: true, department: { code: '019001', name: '武汉市硚口区大数据中心' } })]);
    const disclosure = await http().get(`/api/public/disclosures/${published.body.publication.id}`).expect(200);
    // Published with its files, rendered and checked before anything became public.
    expect(disclosure.body.files).toHaveLength(17);
    expect(disclosure.body).toMatchObject({ revisionNo: 2, disclosure: { meta: { departmentCode: '019001', fiscalYear: 2020 } } });
    await http().get('/api/public/disclosures?year=2020&department=999001').expect(200, { items: [], page: 1, pageSize: 20, total: 0 });

    // Every step is in the audit trail, in order.
    const audit = await budgetAuditTrail(t, id);
    expect(audit.map((e) => e.action)).toEqual([
      'budget.create',
      'budget.document.import',
      'budget.submit',
      'budget.return',
      'budget.lines.edit',
      'budget.lines.edit',
      'budget.submit',
      'budget.approve',
      // the publish transaction chains what became public (the files' sha256, the figures' hash) first
      'publication.record',
      'budget.publish',
    ]);
    // The outbox holds what the jobs must do after each commit: a recompute after each edit, whom to
    // tell, and the rendering of the approved revision's files (which the publication copies).
    const outbox: { topic: string; action: string; who: string | null }[] = await t.dataSource.query(
      `SELECT topic, payload->>'action' AS action, payload->>'who' AS who FROM outbox WHERE payload->>'budgetId' = $1 ORDER BY id`,
      [id],
    );
    expect(outbox.map((o) => `${o.topic} ${o.action ?? ''} ${o.who ?? ''}`.trim())).toEqual([
      'budget.totals',
      'budget.notify submit reviewers',
      'budget.notify return preparers',
      'budget.totals',
      'budget.totals',
      'budget.notify submit reviewers',
      'budget.notify approve preparers',
      'budget.notify approve publishers',
      'budget.render-revision',
      'budget.notify publish preparers',
    ]);
    const reason = await t.dataSource.query(`SELECT payload->>'reason' AS reason FROM outbox WHERE payload->>'action' = 'return'`);
    expect(reason).toEqual([{ reason: '项目支出测算依据不足' }]);
    // Publish renders and checks the files itself when no job has yet: a PDF on a loaded machine.
  }, 180_000);

  it('publishes a correction as a new version beside the old one', async () => {
    const { id } = await createSeededBudget(t, preparer, 2021);
    for (const [who, action] of [[preparer, 'submit'], [reviewer, 'approve'], [publisher, 'publish']] as const) {
      await t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(action === 'approve' ? APPROVAL : {}).expect(200);
    }
    // Published: frozen until someone starts a correction.
    const current = await t.http().get(`/api/budgets/${id}`).set(preparer.headers).expect(200);
    await t.http().patch(`/api/budgets/${id}/lines`).set(preparer.headers).send({ version: current.body.version, removeExpenditure: ['L001'] }).expect(409);
    await t.http().post(`/api/budgets/${id}/revise`).set(preparer.headers).send(REVISION).expect(200);
    const revised = await t.http().get(`/api/budgets/${id}`).set(preparer.headers).expect(200);
    expect(revised.body.state).toBe('draft');
    await t.http().patch(`/api/budgets/${id}/lines`).set(preparer.headers).send({ version: revised.body.version, upsertExpenditure: [{ ...revised.body.lines.expenditure.items[0], note: '更正' }] }).expect(200);
    for (const [who, action] of [[preparer, 'submit'], [reviewer, 'approve'], [publisher, 'publish']] as const) {
      await t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(action === 'approve' ? APPROVAL : {}).expect(200);
    }
    const list = await t.http().get('/api/public/disclosures?year=2021').expect(200);
    expect(list.body.items.map((p: { versionNo: number; revisionNo: number; latest: boolean }) => [p.versionNo, p.revisionNo, p.latest])).toEqual([
      [2, 2, true],
      [1, 1, false],
    ]);
  }, 180_000);
});
