import { NotifyJob } from '../../src/modules/notifications/jobs/notify.job';
import { APPROVAL, createSeededBudget, seedDocumentFor, signIn } from '../e2e/budget-test-kit';
import { TEST_DEPARTMENTS } from '../utils/seed-people';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

/**
 * The stages of the bureau's review as the reviewers live them, over HTTP on PostgreSQL: a bureau
 * with a 业务科室 (reviewer) and a 预算科 (reviewer2), and another bureau (reviewer_other);
 * delegation of a stage, the reviewer's queue by stage, and who is notified of a stage.
 */
describe("delegations, the reviewer's queue and the notifications of a stage", () => {
  let t: TTestApp;
  let u: Record<'admin' | 'preparer' | 'preparer2' | 'reviewer' | 'reviewer2' | 'reviewer_other', TSignedIn>;
  let today: string;
  const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'admin', 'preparer', 'preparer2', 'reviewer', 'reviewer2', 'reviewer_other');
    const admin = u.admin.headers;
    await t.http().put('/api/admin/bureaus/420104').set(admin).send({ name: '硚口区财政局', departments: ['019001', '999001'] }).expect(200);
    await t.http().put('/api/admin/bureaus/420105').set(admin).send({ name: '汉阳区财政局', departments: [] }).expect(200);
    await t.http().put('/api/admin/offices/yewu-1').set(admin).send({ bureau: '420104', name: '行政政法科', kind: 'business', departments: ['019001', '999001'], reviewers: ['reviewer'] }).expect(200);
    await t.http().put('/api/admin/offices/yusuanke').set(admin).send({ bureau: '420104', name: '预算科', kind: 'budget', departments: ['019001', '999001'], reviewers: ['reviewer2'] }).expect(200);
    await t.http().put('/api/admin/offices/hanyang').set(admin).send({ bureau: '420105', name: '汉阳预算科', kind: 'budget', departments: [], reviewers: ['reviewer_other'] }).expect(200);
    const stages = [
      { key: 'business', name: '业务科室审核', role: 'reviewer', office: { by: 'kind', kind: 'business' } },
      { key: 'budget', name: '预算科审核', role: 'reviewer', office: { by: 'office', code: 'yusuanke' } },
    ];
    for (const year of [2020, 2021]) await t.http().put(`/api/admin/review-chains/420104/${year}`).set(admin).send({ proposalRound: false, stages }).expect(200);
    [{ today }] = await t.dataSource.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
  });
  afterAll(() => t.close());

  const act = (who: TSignedIn, id: string, action: string, body: object = {}) => t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(body);
  const delegate = (who: TSignedIn, body: object) => t.http().post('/api/delegations').set(who.headers).send(body);
  const errorPaths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

  it('offers the colleagues of the bureau and refuses a stranger, a start in the past and an end before the start', async () => {
    const colleagues = (await t.http().get('/api/delegations/colleagues').set(u.reviewer.headers).expect(200)).body.items;
    expect(colleagues).toEqual([expect.objectContaining({ username: 'reviewer2', office: '预算科' })]);
    await t.http().get('/api/delegations/colleagues').set(u.preparer.headers).expect(403);

    const stranger = await delegate(u.reviewer, { delegate: 'reviewer_other', startsOn: today, endsOn: today });
    expect([stranger.status, errorPaths(stranger.body)]).toEqual([400, ['delegate']]);
    const past = await delegate(u.reviewer, { delegate: 'reviewer2', startsOn: dayAfter(today, -1), endsOn: today });
    expect([past.status, errorPaths(past.body)]).toEqual([400, ['startsOn']]);
    const backwards = await delegate(u.reviewer, { delegate: 'reviewer2', startsOn: dayAfter(today, 2), endsOn: dayAfter(today, 1) });
    expect([backwards.status, errorPaths(backwards.body)]).toEqual([400, ['endsOn']]);
    expect((await delegate(u.preparer, { delegate: 'reviewer2', startsOn: today, endsOn: today })).status).toBe(403);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM review_delegations`)).toEqual([{ n: 0 }]);
  });

  it('lists a delegation for both people, lets only its giver revoke it, and audits both', async () => {
    const created = await delegate(u.reviewer, { delegate: 'reviewer2', startsOn: dayAfter(today, 3), endsOn: dayAfter(today, 5), reason: '出差' }).expect(201);
    expect(created.body).toEqual(expect.objectContaining({ delegator: 'reviewer', delegate: 'reviewer2', delegateName: expect.any(String), startsOn: dayAfter(today, 3), revoked: false }));
    const received = (await t.http().get('/api/delegations').set(u.reviewer2.headers).expect(200)).body.items;
    expect(received).toEqual([expect.objectContaining({ id: created.body.id, delegator: 'reviewer' })]);

    await t.http().delete(`/api/delegations/${created.body.id}`).set(u.reviewer2.headers).expect(404);
    await t.http().delete(`/api/delegations/${created.body.id}`).set(u.reviewer.headers).expect(204);
    await t.http().delete(`/api/delegations/${created.body.id}`).set(u.reviewer.headers).expect(404);
    const audit = await t.dataSource.query(`SELECT actor, action FROM audit_log WHERE entity = 'delegation' AND entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit).toEqual([
      { actor: 'reviewer', action: 'delegation.create' },
      { actor: 'reviewer', action: 'delegation.revoke' },
    ]);
  });

  it('puts the budgets at the caller\'s stage first, the others after, each with its stage and days waiting', async () => {
    const queue = async (who: TSignedIn) => (await t.http().get('/api/reviews/queue').set(who.headers).expect(200)).body.items;
    const { id } = await createSeededBudget(t, u.preparer, 2021);
    await act(u.preparer, id, 'submit').expect(200);
    // The submission three days ago: the trail is append-only, so its trigger is set aside for this one backdating.
    await t.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE budget_reviews SET at = at - interval '3 days 1 hour' WHERE budget_id = $1`, [id]);
    });
    const atBusiness = { id, department: expect.objectContaining({ code: '019001' }), fiscalYear: 2021, round: 'final', stage: { index: 0, count: 2, name: '业务科室审核' }, daysWaiting: 3 };
    expect(await queue(u.reviewer)).toEqual([expect.objectContaining({ ...atBusiness, yourStage: true })]);
    expect(await queue(u.reviewer2)).toEqual([expect.objectContaining({ ...atBusiness, yourStage: false })]);
    expect(await queue(u.reviewer_other)).toEqual([]);
    expect(await queue(u.admin)).toEqual([expect.objectContaining({ id, yourStage: false })]);
    await t.http().get('/api/reviews/queue').set(u.preparer.headers).expect(403);

    await act(u.reviewer, id, 'approve', { opinion: '同意' }).expect(200);
    const atBudget = { id, stage: { index: 1, count: 2, name: '预算科审核' }, daysWaiting: 0 };
    expect(await queue(u.reviewer)).toEqual([expect.objectContaining({ ...atBudget, yourStage: false })]);
    expect(await queue(u.reviewer2)).toEqual([expect.objectContaining({ ...atBudget, yourStage: true })]);
    // A budget newer than the first but at reviewer's stage comes first on reviewer's desk.
    const other = await createSeededBudget(t, u.preparer2, 2021, seedDocumentFor(TEST_DEPARTMENTS.other));
    await act(u.preparer2, other.id, 'submit').expect(200);
    expect((await queue(u.reviewer)).map((b: { id: string; yourStage: boolean }) => [b.id, b.yourStage])).toEqual([
      [other.id, true],
      [id, false],
    ]);
    // 已审 keeps it on the desk of who approved it.
    expect((await t.http().get('/api/reviews/reviewed').set(u.reviewer.headers).expect(200)).body.items).toEqual([expect.objectContaining({ id, lastAction: 'approve' })]);
    await act(u.preparer, id, 'withdraw').expect(200);
    expect((await queue(u.reviewer2)).map((b: { id: string }) => b.id)).toEqual([other.id]);
  });

  it("notifies the reviewers of the stage a budget reaches, and their delegates of today, not every reviewer", async () => {
    const notify = new NotifyJob(t.dataSource);
    /** Works the notify rows still to do and answers which reviewers they notified of `action`. */
    const notified = async (budgetId: string, action: string): Promise<string[]> => {
      const rows: { id: string; topic: string; payload: Record<string, unknown> }[] = await t.dataSource.query(`SELECT id::text, topic, payload FROM outbox WHERE topic = 'budget.notify' AND done_at IS NULL ORDER BY id`);
      for (const row of rows) await notify.handle({ outboxId: row.id, topic: row.topic, payload: row.payload });
      const users: { username: string }[] = await t.dataSource.query(
        `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id
         WHERE n.budget_id = $1 AND n.action = $2 AND u.role = 'reviewer' AND n.outbox_id = ANY($3::bigint[]) ORDER BY u.username`,
        [budgetId, action, rows.map((r) => r.id)],
      );
      return users.map((r) => r.username);
    };

    const { id } = await createSeededBudget(t, u.preparer, 2020);
    await act(u.preparer, id, 'submit').expect(200);
    // reviewer2 reviews every department too, but the first stage is the 业务科室's.
    expect(await notified(id, 'submit')).toEqual(['reviewer']);

    await delegate(u.reviewer2, { delegate: 'reviewer', startsOn: today, endsOn: today }).expect(201);
    await act(u.reviewer, id, 'approve', { opinion: '同意' }).expect(200);
    // The 预算科's stage: its reviewer, and the colleague it delegated to for today.
    expect(await notified(id, 'approve')).toEqual(['reviewer', 'reviewer2']);

    await act(u.preparer, id, 'withdraw').expect(200);
    expect(await notified(id, 'withdraw')).toEqual(['reviewer', 'reviewer2']);
    await act(u.preparer, id, 'submit').expect(200);
    expect(await notified(id, 'submit')).toEqual(['reviewer']);

    // The delegate acts at the 预算科's stage on its behalf; the 批复 reaches the department, not the reviewers.
    await act(u.reviewer, id, 'approve', { opinion: '同意' }).expect(200);
    expect(await notified(id, 'approve')).toEqual(['reviewer', 'reviewer2']);
    await act(u.reviewer, id, 'approve', APPROVAL).expect(200);
    const last = (await t.http().get(`/api/budgets/${id}/review`).set(u.preparer.headers).expect(200)).body.trail.at(-1);
    expect(last).toEqual(expect.objectContaining({ action: 'approve', actor: expect.objectContaining({ username: 'reviewer' }), onBehalfOf: expect.objectContaining({ username: 'reviewer2' }) }));
    expect(await notified(id, 'approve')).toEqual([]);

    // An adjustment asked after the 批复 is heard of by the first stage, which will review it.
    await act(u.preparer, id, 'adjust', { kind: 'transfer', reason: '调剂' }).expect(200);
    expect(await notified(id, 'adjust')).toEqual(['reviewer']);
  });

  it('tells the department where each approval sent its budget: a stage passed names the next, only the last is the 批复', async () => {
    const notify = new NotifyJob(t.dataSource);
    /** Works the notify rows still to do and answers the preparer's notifications of the budget, oldest first. */
    const preparerHears = async (budgetId: string) => {
      const rows: { id: string; topic: string; payload: Record<string, unknown> }[] = await t.dataSource.query(`SELECT id::text, topic, payload FROM outbox WHERE topic = 'budget.notify' AND done_at IS NULL ORDER BY id`);
      for (const row of rows) await notify.handle({ outboxId: row.id, topic: row.topic, payload: row.payload });
      const items = (await t.http().get('/api/notifications').set(u.preparer2.headers).expect(200)).body.items as { budgetId: string; action: string; stageName: string | null; nextStageName: string | null }[];
      return items.filter((n) => n.budgetId === budgetId).reverse().map((n) => [n.action, n.stageName, n.nextStageName]);
    };
    const { id } = await createSeededBudget(t, u.preparer2, 2020, seedDocumentFor(TEST_DEPARTMENTS.other));
    await act(u.preparer2, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', { opinion: '同意，报预算科' }).expect(200);
    expect(await preparerHears(id)).toEqual([['approve', '业务科室审核', '预算科审核']]);
    await act(u.reviewer2, id, 'approve', APPROVAL).expect(200);
    expect(await preparerHears(id)).toEqual([
      ['approve', '业务科室审核', '预算科审核'],
      ['approve', '预算科审核', null],
    ]);
  });
});
