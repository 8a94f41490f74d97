import { APPROVAL, createSeededBudget, signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

/**
 * The bureau's review as data, over HTTP on PostgreSQL: a district bureau with a 业务科室 (reviewer)
 * and a 预算科 (reviewer2), a chain of two stages with a proposal round, and the home department's
 * budget carried 一上 → 控制数 → 二上 → 业务科室 → return → 业务科室 → 预算科 → 批复.
 */
describe('the review chain', () => {
  let t: TTestApp;
  let u: Record<'admin' | 'preparer' | 'reviewer' | 'reviewer2' | 'reviewer_other' | 'publisher', TSignedIn>;
  const TWO_STAGES = {
    proposalRound: true,
    stages: [
      { key: 'business', name: '业务科室审核', role: 'reviewer', office: { by: 'kind', kind: 'business' } },
      { key: 'budget', name: '预算科审核', role: 'reviewer', office: { by: 'office', code: 'yusuanke' } },
    ],
  };

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'admin', 'preparer', 'reviewer', 'reviewer2', 'reviewer_other', 'publisher');
    const admin = u.admin.headers;
    await t.http().put('/api/admin/bureaus/420104').set(admin).send({ name: '硚口区财政局', departments: ['019001', '999001'] }).expect(200);
    await t.http().put('/api/admin/offices/yewu-1').set(admin).send({ bureau: '420104', name: '行政政法科', kind: 'business', departments: ['019001'], reviewers: ['reviewer'] }).expect(200);
    await t.http().put('/api/admin/offices/yusuanke').set(admin).send({ bureau: '420104', name: '预算科', kind: 'budget', departments: ['019001', '999001'], reviewers: ['reviewer2'] }).expect(200);
    // reviewer_other is a colleague of the bureau (a delegation goes to one) of an office that reviews nobody's budget.
    await t.http().put('/api/admin/offices/zichan').set(admin).send({ bureau: '420104', name: '资产科', kind: 'assets', departments: [], reviewers: ['reviewer_other'] }).expect(200);
    await t.http().put('/api/admin/review-chains/420104/2020').set(admin).send(TWO_STAGES).expect(200);
  });
  afterAll(() => t.close());

  const act = (who: TSignedIn, id: string, action: string, body: object = {}) => t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(body);
  const review = async (id: string, who: TSignedIn = u.preparer) => (await t.http().get(`/api/budgets/${id}/review`).set(who.headers).expect(200)).body;

  it('shows the organisation and the chain an administrator set; refuses a chain naming an office the bureau lacks', async () => {
    const org = (await t.http().get('/api/admin/organisation').set(u.admin.headers).expect(200)).body;
    expect(org.bureaus[0]).toEqual(
      expect.objectContaining({
        code: '420104',
        offices: [
          { code: 'yewu-1', name: '行政政法科', kind: 'business', departments: ['019001'], reviewers: ['reviewer'] },
          { code: 'yusuanke', name: '预算科', kind: 'budget', departments: ['019001', '999001'], reviewers: ['reviewer2'] },
          { code: 'zichan', name: '资产科', kind: 'assets', departments: [], reviewers: ['reviewer_other'] },
        ],
      }),
    );
    expect((await t.http().get('/api/admin/review-chains/420104/2020').set(u.reviewer.headers).expect(200)).body).toEqual(expect.objectContaining({ configured: true, chain: TWO_STAGES }));
    expect((await t.http().get('/api/admin/review-chains/420104/2021').set(u.admin.headers).expect(200)).body.configured).toBe(false);
    const bad = await t.http().put('/api/admin/review-chains/420104/2021').set(u.admin.headers).send({ ...TWO_STAGES, stages: [{ ...TWO_STAGES.stages[1], office: { by: 'office', code: 'nowhere' } }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'stages.0.office.code' })]);
    await t.http().put('/api/admin/review-chains/420104/2021').set(u.reviewer.headers).send(TWO_STAGES).expect(403);
    await t.http().put('/api/admin/budget-units/000000/level').set(u.admin.headers).send({ level: 'self' }).expect(404);
  });

  it('carries a budget through 一上, 控制数, 二上, two stages with opinions and a return, to 批复 with its 预算指标', async () => {
    const { id } = await createSeededBudget(t, u.preparer, 2020);
    expect((await review(id)).round).toBe('proposal');
    await act(u.preparer, id, 'submit').expect(200);

    // 一上: only the 预算科 answers with ceilings; the 业务科室 reviewer is not that stage.
    const notMine = await act(u.reviewer, id, 'issue-ceilings');
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toBe('NOT_YOUR_STAGE');
    // The 预算科's note to the ceilings is required, as an approval's opinion is.
    for (const body of [{}, { opinion: '  ' }]) {
      const silent = await act(u.reviewer2, id, 'issue-ceilings', body);
      expect([silent.status, silent.body.code, silent.body.errors]).toEqual([400, 'OPINION_REQUIRED', [expect.objectContaining({ path: 'opinion' })]]);
    }
    // 下达控制数 issues figures: without the department's ceilings filled in, nothing is issued.
    const empty = await act(u.reviewer2, id, 'issue-ceilings', { opinion: '按控制数编制' });
    expect([empty.status, empty.body.code]).toEqual([409, 'CEILINGS_NOT_SET']);
    expect((await review(id)).round).toBe('proposal');
    const filled = await t.http().put(`/api/budgets/${id}/ceilings`).set(u.reviewer2.headers).send({ ceilings: { total: '100000000000' } }).expect(200);
    // Filled in is not issued: the department is told of them by 下达控制数 alone.
    expect(filled.body).toMatchObject({ setAt: expect.any(String), issuedAt: null });
    expect((await act(u.reviewer2, id, 'issue-ceilings', { opinion: '按控制数编制' }).expect(200)).body).toEqual(expect.objectContaining({ state: 'draft', round: 'ceilings', stageIndex: null }));
    const issued = (await t.http().get(`/api/budgets/${id}/ceilings`).set(u.preparer.headers).expect(200)).body as { setAt: string; issuedAt: string };
    expect(new Date(issued.issuedAt).getTime()).toBeGreaterThanOrEqual(new Date(issued.setAt).getTime());
    // The draft the 预算科 just answered stays in sight of the bureau: its budget, trail and ceilings.
    for (const reviewer of [u.reviewer2, u.reviewer]) {
      expect((await t.http().get(`/api/budgets/${id}`).set(reviewer.headers).expect(200)).body.state).toBe('draft');
      expect((await review(id, reviewer)).round).toBe('ceilings');
      await t.http().get(`/api/budgets/${id}/ceilings`).set(reviewer.headers).expect(200);
    }
    // …but not of a reviewer whose scope lacks the department.
    await t.http().get(`/api/budgets/${id}`).set(u.reviewer_other.headers).expect(404);
    expect((await review(id)).proposalRevisionNo).toBe(1);

    // 二上 enters the chain at its first stage, the 业务科室.
    expect((await act(u.preparer, id, 'submit').expect(200)).body).toEqual(expect.objectContaining({ state: 'submitted', round: 'final', stageIndex: 0 }));
    // The review tells each reviewer whether the stage is theirs, the rule the actions enforce.
    expect([(await review(id, u.reviewer)).yourStage, (await review(id, u.reviewer2)).yourStage, (await review(id)).yourStage]).toEqual([true, false, false]);
    expect((await act(u.reviewer2, id, 'approve', APPROVAL)).body.code).toBe('NOT_YOUR_STAGE');
    const noOpinion = await act(u.reviewer, id, 'approve', {});
    expect(noOpinion.status).toBe(400);
    expect(noOpinion.body.code).toBe('OPINION_REQUIRED');
    expect((await act(u.reviewer, id, 'approve', { opinion: '   ' })).body.code).toBe('OPINION_REQUIRED');
    expect((await act(u.reviewer, id, 'approve', { opinion: '同意，报预算科' }).expect(200)).body).toEqual(expect.objectContaining({ state: 'submitted', stageIndex: 1 }));
    expect((await act(u.reviewer, id, 'approve', { opinion: '再次同意' })).body.code).toBe('NOT_YOUR_STAGE');

    // The 预算科 returns it; a return needs a reason.
    expect((await act(u.reviewer2, id, 'return', {})).status).toBe(400);
    await act(u.reviewer2, id, 'return', { reason: '项目支出测算依据不足' }).expect(200);
    await act(u.preparer, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', { opinion: '已补充依据，同意' }).expect(200);

    // The last stage sees the whole trail, the earlier return and its reason among it.
    const seen = await review(id, u.reviewer2);
    expect(seen.stage).toEqual({ index: 1, count: 2, stage: TWO_STAGES.stages[1] });
    expect([seen.yourStage, (await review(id, u.reviewer)).yourStage]).toEqual([true, false]);
    expect(seen.trail.map((e: { action: string; actor: { username: string }; stageName: string | null; opinion: string | null; reason: string | null }) => [e.action, e.actor.username, e.stageName, e.opinion ?? e.reason])).toEqual([
      ['submit', 'preparer', null, null],
      ['issue-ceilings', 'reviewer2', '预算科（一上）', '按控制数编制'],
      ['submit', 'preparer', null, null],
      ['approve', 'reviewer', '业务科室审核', '同意，报预算科'],
      ['return', 'reviewer2', '预算科审核', '项目支出测算依据不足'],
      ['submit', 'preparer', null, null],
      ['approve', 'reviewer', '业务科室审核', '已补充依据，同意'],
    ]);
    // The 二上 and the resubmission after the return carried the 一上's figures unchanged: no step saw other figures.
    expect(seen.trail.map((e: { changedSince: boolean }) => e.changedSince)).toEqual([false, false, false, false, false, false, false]);

    // 批复 (二下) needs its document number and date; it records the 预算指标 and starts the 20-day clock.
    const noReply = await act(u.reviewer2, id, 'approve', { opinion: '同意' });
    expect(noReply.status).toBe(400);
    expect(noReply.body.code).toBe('REPLY_REQUIRED');
    // A 批复 dated after today would start the publication clock in the future: refused on its field, nothing changes.
    const later = await act(u.reviewer2, id, 'approve', { ...APPROVAL, date: `${new Date().getUTCFullYear() + 1}-12-31` });
    expect(later.status).toBe(400);
    expect(later.body.code).toBe('VALIDATION_FAILED');
    expect(later.body.errors).toEqual([expect.objectContaining({ path: 'date', message: 'the 批复 date cannot be after today' })]);
    expect((await t.http().get(`/api/budgets/${id}`).set(u.reviewer2.headers).expect(200)).body.state).toBe('submitted');
    const replied = await t.http().post(`/api/budgets/${id}/approve`).set(u.reviewer2.headers).set('Idempotency-Key', 'reply-0001').send(APPROVAL).expect(200);
    expect(replied.body).toEqual(expect.objectContaining({ state: 'approved', round: 'replied', stageIndex: null }));
    const again = await t.http().post(`/api/budgets/${id}/approve`).set(u.reviewer2.headers).set('Idempotency-Key', 'reply-0001').send(APPROVAL).expect(200);
    expect(again.body).toEqual(replied.body);
    expect((await review(id)).reply).toEqual({ documentNo: APPROVAL.documentNo, date: APPROVAL.date });
    const indicators = (await t.http().get(`/api/budgets/${id}/indicators`).set(u.publisher.headers).expect(200)).body.items;
    const lines: { amount: string }[] = (await t.http().get(`/api/budgets/${id}`).set(u.preparer.headers).expect(200)).body.lines.expenditure.items;
    expect(indicators).toHaveLength(lines.length);
    expect(new Set(indicators.map((i: { documentNo: string; repliedOn: string }) => `${i.documentNo} ${i.repliedOn}`))).toEqual(new Set([`${APPROVAL.documentNo} ${APPROVAL.date}`]));
    const [{ replied_on }] = await t.dataSource.query(`SELECT to_char(replied_on, 'YYYY-MM-DD') AS replied_on FROM budgets WHERE id = $1`, [id]);
    expect(replied_on).toBe(APPROVAL.date);

    // Decided budgets stay on the reviewer's desk (已审).
    expect((await t.http().get('/api/reviews/reviewed').set(u.reviewer.headers).expect(200)).body.items).toEqual([expect.objectContaining({ id, state: 'approved', lastAction: 'approve', stageName: '业务科室审核' })]);

    // 更正 needs a reason.
    await act(u.publisher, id, 'publish').expect(200);
    expect((await act(u.preparer, id, 'revise', {})).body.code).toBe('REVISE_REASON_REQUIRED');
    await act(u.preparer, id, 'revise', { reason: '更正项目名称' }).expect(200);

    // The correction moves 100.00 元 between two lines: every step before it saw other figures, the new submission not.
    const current = (await t.http().get(`/api/budgets/${id}`).set(u.preparer.headers).expect(200)).body as { version: number; lines: { expenditure: { items: { amount: string }[] } } };
    const [first, second] = current.lines.expenditure.items;
    const moved = (line: { amount: string }, fen: bigint) => {
      const text = (BigInt(line.amount.replace('.', '')) + fen).toString();
      return { ...line, amount: `${text.slice(0, -2)}.${text.slice(-2)}` };
    };
    await t.http().patch(`/api/budgets/${id}/lines`).set(u.preparer.headers).send({ version: current.version, upsertExpenditure: [moved(first!, 10_000n), moved(second!, -10_000n)] }).expect(200);
    await act(u.preparer, id, 'submit').expect(200);
    const changed = (await review(id)).trail.map((e: { action: string; changedSince: boolean }) => e.changedSince);
    expect(changed.slice(0, -1).every(Boolean)).toBe(true);
    expect(changed.at(-1)).toBe(false);
  });

  it('keeps the chain a budget was submitted under when an administrator changes it', async () => {
    const { id } = await createSeededBudget(t, u.preparer, 2021);
    await t.http().put('/api/admin/review-chains/420104/2021').set(u.admin.headers).send({ proposalRound: false, stages: TWO_STAGES.stages }).expect(200);
    await act(u.preparer, id, 'submit').expect(200);
    await t.http().put('/api/admin/review-chains/420104/2021').set(u.admin.headers).send({ proposalRound: false, stages: [TWO_STAGES.stages[1]] }).expect(200);
    expect((await review(id)).chain.stages).toHaveLength(2);
    expect((await act(u.reviewer2, id, 'approve', APPROVAL)).body.code).toBe('NOT_YOUR_STAGE');

    // A delegate acts on behalf of the reviewer who delegated, and the audit says so.
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const before = await act(u.reviewer_other, id, 'approve', { opinion: '同意' });
    expect(before.status).toBe(404);
    const delegation = await t.http().post('/api/delegations').set(u.reviewer.headers).send({ delegate: 'reviewer_other', startsOn: today, endsOn: later, reason: '出差' }).expect(201);
    const delegate = await t.login('reviewer_other');
    await act(delegate, id, 'approve', { opinion: '代为审核，同意' }).expect(200);
    const last = (await review(id)).trail.at(-1);
    expect(last).toEqual(expect.objectContaining({ action: 'approve', actor: expect.objectContaining({ username: 'reviewer_other' }), onBehalfOf: expect.objectContaining({ username: 'reviewer' }) }));
    const [audit] = await t.dataSource.query(`SELECT actor, payload FROM audit_log WHERE budget_id = $1 AND action = 'budget.approve' ORDER BY id DESC LIMIT 1`, [id]);
    expect(audit.actor).toBe('reviewer_other');
    expect(audit.payload.actedAs).toBe('reviewer_other on behalf of reviewer');
    await t.http().delete(`/api/delegations/${delegation.body.id}`).set(u.reviewer.headers).expect(204);
    expect((await t.http().get('/api/delegations').set(u.reviewer.headers).expect(200)).body.items).toEqual([expect.objectContaining({ delegate: 'reviewer_other', revoked: true })]);
  });
});
