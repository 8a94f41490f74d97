import { APPROVAL, createSeededBudget, signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

/**
 * 审签 before publication, over HTTP on PostgreSQL: the bureau's policy per year decides whether
 * publish waits for a signer's sign-off; the signer is never the publisher; every step is audited.
 */
describe('审签 (sign-off before publication)', () => {
  let t: TTestApp;
  let u: Record<'preparer' | 'reviewer' | 'publisher' | 'admin' | 'secadmin', TSignedIn>;
  let signer: TSignedIn;
  let signerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'preparer', 'reviewer', 'publisher', 'admin', 'secadmin');
    // A bureau for the home department, and its signer (审签人) with the bureau's departments as scope.
    await t.http().put('/api/admin/bureaus/420104').set(u.admin.headers).send({ name: '武汉市硚口区财政局', departments: [t.people.departments.home.code] }).expect(200);
    const created = await t
      .http()
      .post('/api/users')
      .set(u.admin.headers)
      .send({ username: 'signer', displayName: '审签人', password: 'shen-qian-2021-pass', role: 'signer', reviewScope: [t.people.departments.home.code] })
      .expect(201);
    expect(created.body).toEqual(expect.objectContaining({ role: 'signer', reviewScope: [t.people.departments.home.code] }));
    signerId = (created.body as { id: string }).id;
    signer = await t.login('signer', 'shen-qian-2021-pass');
  }, 60_000);
  afterAll(() => t.close());

  const act = (who: TSignedIn, id: string, action: string, body: object = {}, key?: string) => {
    const req = t.http().post(`/api/budgets/${id}/${action}`).set(who.headers);
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const policy = (who: TSignedIn, year: number, body?: object) =>
    body === undefined ? t.http().get(`/api/admin/publication-policies/420104/${year}`).set(who.headers) : t.http().put(`/api/admin/publication-policies/420104/${year}`).set(who.headers).send(body);
  const approvedBudget = async (year: number) => {
    const { id } = await createSeededBudget(t, u.preparer, year);
    await act(u.preparer, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', APPROVAL).expect(200);
    return id;
  };
  const signOffOf = async (id: string) => (await t.http().get(`/api/budgets/${id}/sign-off`).set(u.publisher.headers).expect(200)).body as { required: boolean; signOff: unknown };

  it('the policy is the administrator’s alone, audited, and none set means no 审签', async () => {
    expect((await policy(u.admin, 2020).expect(200)).body).toEqual({ bureau: '420104', fiscalYear: 2020, signOffRequired: false, configured: false, version: 0 });
    for (const who of [u.publisher, u.reviewer, signer, u.secadmin]) {
      await policy(who, 2021).expect(403);
      await policy(who, 2021, { signOffRequired: true }).expect(403);
    }
    const bad = await policy(u.admin, 2021, { signOffRequired: 'yes' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'signOffRequired' })]);
    await t.http().put('/api/admin/publication-policies/999999/2021').set(u.admin.headers).send({ signOffRequired: true }).expect(404);
    expect((await policy(u.admin, 2021, { signOffRequired: true }).expect(200)).body).toEqual({ bureau: '420104', fiscalYear: 2021, signOffRequired: true, configured: true, version: 1 });
    const [entry] = await t.dataSource.query(`SELECT actor, payload FROM audit_log WHERE action = 'publication-policy.put' AND entity_id = '420104/2021'`);
    expect(entry).toEqual({ actor: 'admin', payload: { signOffRequired: true } });
  });

  it('policy off: publish works without a 审签', async () => {
    const id = await approvedBudget(2020);
    expect(await signOffOf(id)).toEqual({ required: false, signOff: null });
    expect((await act(u.publisher, id, 'publish').expect(200)).body).toEqual(expect.objectContaining({ state: 'published', publication: expect.objectContaining({ versionNo: 1 }) }));
  }, 120_000);

  it('policy on: publish waits for the signer; one 审签 per revision; the signer never publishes', async () => {
    const id = await approvedBudget(2021);
    expect(await signOffOf(id)).toEqual({ required: true, signOff: null });
    const refused = await act(u.publisher, id, 'publish').expect(409);
    expect(refused.body.code).toBe('SIGN_OFF_REQUIRED');

    // Nobody but a signer signs off; a signer needs an opinion.
    expect((await act(u.publisher, id, 'sign-off', { opinion: '同意公开' })).status).toBe(403);
    expect((await act(u.reviewer, id, 'sign-off', { opinion: '同意公开' })).status).toBe(403);
    const noOpinion = await act(signer, id, 'sign-off', { opinion: '  ' });
    expect([noOpinion.status, noOpinion.body.code]).toEqual([400, 'OPINION_REQUIRED']);

    const signed = await act(signer, id, 'sign-off', { opinion: '经保密审查，同意公开' }, 'sign-off-key-1').expect(200);
    expect(signed.body).toEqual(expect.objectContaining({ action: 'sign-off', state: 'approved', round: 'replied', revisionNo: 1 }));
    // A retry with the same key answers the same and acts once; a second 审签 is refused.
    expect((await act(signer, id, 'sign-off', { opinion: '经保密审查，同意公开' }, 'sign-off-key-1').expect(200)).body).toEqual(signed.body);
    const twice = await act(signer, id, 'sign-off', { opinion: '再次同意' }).expect(409);
    expect(twice.body.code).toBe('ALREADY_SIGNED_OFF');
    const view = await signOffOf(id);
    expect(view).toEqual({ required: true, signOff: { revisionNo: 1, signer: { username: 'signer', displayName: '审签人' }, at: expect.any(String), opinion: '经保密审查，同意公开' } });

    // The signer made publisher of the department (安全保密管理员) still may not publish what they signed.
    await t.http().patch(`/api/users/${signerId}/role`).set(u.secadmin.headers).send({ role: 'publisher', departmentCode: t.people.departments.home.code }).expect(200);
    const signerAsPublisher = await t.login('signer', 'shen-qian-2021-pass');
    const own = await act(signerAsPublisher, id, 'publish').expect(403);
    expect(own.body.code).toBe('PUBLISHER_IS_SIGNER');

    const published = await act(u.publisher, id, 'publish').expect(200);
    expect(published.body).toEqual(expect.objectContaining({ state: 'published' }));

    const audit: { action: string; actor: string; payload: { opinion?: string } }[] = await t.dataSource.query(
      `SELECT action, actor, payload FROM audit_log WHERE budget_id = $1 AND action IN ('budget.sign-off', 'budget.publish') ORDER BY id`,
      [id],
    );
    expect(audit).toEqual([
      expect.objectContaining({ action: 'budget.sign-off', actor: 'signer', payload: expect.objectContaining({ from: 'approved', to: 'approved', opinion: '经保密审查，同意公开' }) }),
      expect.objectContaining({ action: 'budget.publish', actor: 'publisher' }),
    ]);
    const trail = (await t.http().get(`/api/budgets/${id}/review`).set(u.publisher.headers).expect(200)).body.trail as { action: string; opinion: string | null }[];
    expect(trail.filter((e) => e.action === 'sign-off')).toEqual([expect.objectContaining({ opinion: '经保密审查，同意公开' })]);

    // A correction is approved anew and needs a fresh 审签.
    await act(u.publisher, id, 'revise', { reason: '更正项目名称' }).expect(200);
    await act(u.preparer, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', { opinion: '同意更正' }).expect(200);
    expect(await signOffOf(id)).toEqual({ required: true, signOff: null });
    expect((await act(u.publisher, id, 'publish').expect(409)).body.code).toBe('SIGN_OFF_REQUIRED');
  }, 180_000);
});
