import { partTitles, type TPublication, type TPublicationSummary } from '@budgetflow/domain';
import { NotifyJob } from '../../src/modules/notifications/jobs/notify.job';
import { APPROVAL, createSeededBudget, seedDocument, signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { addDepartmentReviewer, addUnit, withUnits, type TUnitRef } from '../utils/unit-fixtures';

/**
 * 单位预算公开 over HTTP on PostgreSQL. 2020 is under Shanghai's template, which prints a 单位 scope:
 * once the 部门预算 has its 批复, the department's publisher publishes each approved unit budget as
 * the unit's own disclosure, through the same gated publish, listed under the department and marked
 * as the unit's. 2022 is Shanghai's too, with a 审签 required before publication. 2021 stays under
 * Hubei's, which has no 单位 scope: publishing a unit's budget is refused.
 */
const SCHOOL: TUnitRef = { code: '019001002', name: '示例第一中学' };
const KINDERGARTEN: TUnitRef = { code: '019001003', name: '示例幼儿园' };

describe('单位预算公开 (a unit budget published as its own disclosure)', () => {
  let t: TTestApp;
  let u: Record<'admin' | 'preparer' | 'publisher' | 'reviewer' | 'publisher2', TSignedIn>;
  let units: Map<string, TSignedIn>;
  let leader: TSignedIn;

  const act = (who: TSignedIn, id: string, action: string, body: object = {}) => t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(body);
  const publicList = async (year: number) => (await t.http().get(`/api/public/disclosures?year=${year}`).expect(200)).body.items as TPublicationSummary[];
  const renders = async (budgetId: string) => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'budget.render-revision' AND payload->>'budgetId' = $1`, [budgetId])) as { n: number }[])[0]?.n;
  const publications = async (budgetId: string) => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM publications WHERE budget_id = $1`, [budgetId])) as { n: number }[])[0]?.n;

  /** Works the notify rows still to do, then answers `who`'s notifications of the budget. */
  async function notificationsOf(who: TSignedIn, budgetId: string): Promise<{ action: string; round: string | null; stageName: string | null }[]> {
    const job = new NotifyJob(t.dataSource);
    const rows: { id: string; topic: string; payload: Record<string, unknown> }[] = await t.dataSource.query(`SELECT id::text, topic, payload FROM outbox WHERE topic = 'budget.notify' AND done_at IS NULL ORDER BY id`);
    for (const row of rows) await job.handle({ outboxId: row.id, topic: row.topic, payload: row.payload });
    const items = (await t.http().get('/api/notifications').set(who.headers).expect(200)).body.items as { budgetId: string; action: string; round: string | null; stageName: string | null }[];
    return items.filter((n) => n.budgetId === budgetId).map(({ action, round, stageName }) => ({ action, round, stageName }));
  }

  /** The year's 部门预算 with the units' budgets started from it, each submitted and approved by the department (审核汇总). */
  async function unitsApproved(year: number, edit?: (code: string) => object | undefined): Promise<{ department: string; unitBudgets: Map<string, string> }> {
    const department = (await createSeededBudget(t, u.preparer, year, withUnits(seedDocument(), [SCHOOL, KINDERGARTEN]))).id;
    const unitBudgets = new Map<string, string>();
    for (const unit of [SCHOOL, KINDERGARTEN]) {
      const prep = units.get(unit.code) as TSignedIn;
      const created = await t.http().post('/api/budgets').set(prep.headers).send({ fiscalYear: year }).expect(201);
      const id = created.body.id as string;
      const patch = edit?.(unit.code);
      if (patch !== undefined) {
        const doc = (await t.http().get(`/api/budgets/${id}/document`).set(prep.headers).expect(200)).body;
        await t.http().put(`/api/budgets/${id}/document`).set(prep.headers).set('If-Match', `"${created.body.version}"`).send({ ...doc, ...patch }).expect(200);
      }
      await act(prep, id, 'submit').expect(200);
      await act(leader, id, 'approve', { opinion: '同意汇总' }).expect(200);
      unitBudgets.set(unit.code, id);
    }
    return { department, unitBudgets };
  }

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'admin', 'preparer', 'publisher', 'reviewer', 'publisher2');
    units = new Map([
      [SCHOOL.code, await addUnit(t, u.admin, SCHOOL, 'schoolprep')],
      [KINDERGARTEN.code, await addUnit(t, u.admin, KINDERGARTEN, 'kinderprep')],
    ]);
    leader = await addDepartmentReviewer(t, u.admin, 'eduleader');
    // The template in force for 2020's budgets: Shanghai's, which publishes 部门 and 单位 disclosures.
    await t.http().put('/api/fiscal-years/2020').set(u.admin.headers).send({ status: 'open', template: 'shanghai-district' }).expect(200);
  }, 60_000);
  afterAll(() => t.close());

  it("under a template with a 单位 scope the unit's disclosure is published after the 部门预算's 批复, titled for the unit, listed under its department", async () => {
    // The kindergarten's explanation still holds template text: its files fail their check.
    const { department, unitBudgets } = await unitsApproved(2020, (code) => (code === KINDERGARTEN.code ? { explanations: { ...seedDocument().explanations, fiscalChangeReason: '待填' } } : undefined));
    const school = unitBudgets.get(SCHOOL.code) as string;
    const kindergarten = unitBudgets.get(KINDERGARTEN.code) as string;

    // Its approval renders its files, as the 批复 does the department's: the publisher sees what would be published.
    expect(await renders(school)).toBe(1);
    // The unit's approval by its department is 主管部门审核 in the unit round, not the bureau's 批复.
    expect(await notificationsOf(units.get(SCHOOL.code) as TSignedIn, school)).toEqual([{ action: 'approve', round: 'unit', stageName: '主管部门审核' }]);

    // Before the bureau replies to the 部门预算, the unit's budget is not final: nothing is published.
    const early = await act(u.publisher, school, 'publish');
    expect([early.status, early.body.code, early.body.errors?.[0]?.path]).toEqual([409, 'DEPARTMENT_NOT_REPLIED', 'departmentBudget']);
    // The units' own people, and another department's publisher, publish nothing of it.
    await act(units.get(SCHOOL.code) as TSignedIn, school, 'publish').expect(403);
    await act(u.publisher2, school, 'publish').expect(404);

    await act(u.preparer, department, 'submit').expect(200);
    await act(u.reviewer, department, 'approve', APPROVAL).expect(200);
    expect(await notificationsOf(u.preparer, department)).toEqual(expect.arrayContaining([{ action: 'approve', round: 'final', stageName: expect.any(String) }]));

    // A unit whose files fail their check: refused with what failed, and nothing of it is public.
    const failed = await act(u.publisher, kindergarten, 'publish');
    expect([failed.status, failed.body.code]).toEqual([409, 'RENDER_CHECK_FAILED']);
    expect(failed.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/^PLACEHOLDER_TEXT/) })]));
    expect(await publications(kindergarten)).toBe(0);
    // The department's publisher is told what failed, as for its 部门预算.
    expect(await notificationsOf(u.publisher, kindergarten)).toEqual([{ action: 'render-check-failed', round: null, stageName: null }]);
    expect(await publicList(2020)).toEqual([]);

    const published = await act(u.publisher, school, 'publish').set('Idempotency-Key', `publish-${school}`).expect(200);
    expect(published.body).toEqual(expect.objectContaining({ state: 'published', round: 'unit', publication: expect.objectContaining({ versionNo: 1 }) }));
    const [listed, ...others] = await publicList(2020);
    expect(others).toEqual([]);
    expect(listed).toEqual(expect.objectContaining({ budgetId: school, department: { code: '019001', name: t.people.departments.home.name }, unit: SCHOOL }));

    const page = (await t.http().get(`/api/public/disclosures/${listed?.id}`).expect(200)).body as TPublication;
    expect(page.disclosure.meta).toEqual(expect.objectContaining({ scope: 'unit', departmentName: SCHOOL.name, template: 'shanghai-district' }));
    expect(partTitles(page.disclosure).document).toBe('示例第一中学2020年单位预算');
    expect(page.disclosure.tables[0]?.title).toBe('2020年预算单位财务收支预算总表');
    // Its own lines only: the school's five, not the department's.
    expect(page.files.map((f) => f.name)).toEqual(expect.arrayContaining(['disclosure.pdf', 'lines.csv']));
    const csv = (await t.http().get(`/api/public/publications/${listed?.id}/lines.csv`).buffer(true).expect(200)).text;
    expect(csv.trim().split('\n')).toHaveLength(1 + 5);
    const pdf = page.files.find((f) => f.name === 'disclosure.pdf');
    expect(pdf?.downloadName).toBe('示例第一中学2020年单位预算（第1版）.pdf');
    const [audit] = await t.dataSource.query(`SELECT actor, payload FROM audit_log WHERE action = 'budget.publish' AND entity_id = $1`, [school]);
    expect(audit).toEqual({ actor: 'publisher', payload: expect.objectContaining({ from: 'approved', to: 'published', round: 'unit', publicationId: listed?.id }) });

    // The 部门预算 is published as before, unmarked, beside its unit's.
    const departmentPublication = (await act(u.publisher, department, 'publish').expect(200)).body.publication.id as string;
    const both = await publicList(2020);
    expect(both.map((p) => [p.budgetId, p.unit])).toEqual(expect.arrayContaining([[department, null], [school, SCHOOL]]));
    expect(both).toHaveLength(2);
    // The district's open data counts the school's lines once, in the 部门预算 that consolidates them.
    const consolidated = (await t.http().get(`/api/budgets/${department}/document`).set(u.preparer.headers).expect(200)).body as { expenditureLines: unknown[] };
    expect((await t.http().get('/api/public/open-data/2020/lines').expect(200)).body.total).toBe(consolidated.expenditureLines.length);
    // The department's own page shows its 部门预算, not a unit's.
    const years = (await t.http().get('/api/public/departments/019001/years').expect(200)).body as { years: { fiscalYear: number; publicationId: string }[] };
    expect(years.years.map((y) => [y.fiscalYear, y.publicationId])).toEqual([[2020, departmentPublication]]);
  }, 240_000);

  it("where the bureau's policy requires a 审签, a unit's disclosure waits for it like its department's", async () => {
    await t.http().put('/api/fiscal-years/2022').set(u.admin.headers).send({ status: 'open', template: 'shanghai-district' }).expect(200);
    await t.http().put('/api/admin/bureaus/420104').set(u.admin.headers).send({ name: '武汉市硚口区财政局', departments: ['019001'] }).expect(200);
    await t.http().put('/api/admin/publication-policies/420104/2022').set(u.admin.headers).send({ signOffRequired: true }).expect(200);
    await t.http().post('/api/users').set(u.admin.headers).send({ username: 'unitsigner', displayName: '审签人', password: 'shen-qian-2022-pass', role: 'signer', reviewScope: ['019001'] }).expect(201);
    const signer = await t.login('unitsigner', 'shen-qian-2022-pass');
    const { department, unitBudgets } = await unitsApproved(2022);
    await act(u.preparer, department, 'submit').expect(200);
    await act(u.reviewer, department, 'approve', APPROVAL).expect(200);
    const school = unitBudgets.get(SCHOOL.code) as string;
    expect((await act(u.publisher, school, 'publish')).body.code).toBe('SIGN_OFF_REQUIRED');
    expect((await act(signer, school, 'sign-off', { opinion: '经保密审查，同意公开' }).expect(200)).body).toEqual(expect.objectContaining({ state: 'approved', round: 'unit' }));
    expect((await act(signer, school, 'publish')).status).toBe(403);
    await act(u.publisher, school, 'publish').expect(200);
    expect((await publicList(2022)).map((p) => p.unit)).toEqual([SCHOOL]);
  }, 240_000);

  it('under a template without a 单位 scope (Hubei) a unit budget is disclosed within its 部门预算 only: publishing it is refused', async () => {
    const { department, unitBudgets } = await unitsApproved(2021);
    await act(u.preparer, department, 'submit').expect(200);
    await act(u.reviewer, department, 'approve', APPROVAL).expect(200);
    const school = unitBudgets.get(SCHOOL.code) as string;
    expect(await renders(school)).toBe(0);
    const refused = await act(u.publisher, school, 'publish');
    expect([refused.status, refused.body.code, refused.body.errors?.[0]?.path]).toEqual([409, 'NO_UNIT_SCOPE', 'template']);
    expect(await publications(school)).toBe(0);
    expect((await t.http().get(`/api/budgets/${school}`).set(u.publisher.headers).expect(200)).body.state).toBe('approved');
    expect(await publicList(2021)).toEqual([]);
  }, 240_000);
});
