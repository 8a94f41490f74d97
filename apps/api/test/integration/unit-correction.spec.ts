import type { TPublication } from '@budgetflow/domain';
import { APPROVAL, createSeededBudget, seedDocument, signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { addDepartmentReviewer, addUnit, withUnits, type TUnitRef } from '../utils/unit-fixtures';

/**
 * 更正 of a published 单位预算 over HTTP on PostgreSQL (2020: Shanghai's template, with a 单位 scope).
 * The unit is published after its 部门预算's 批复, so its correction corrects the disclosure only:
 * its figures stay those consolidated into the approved 部门预算 (else 409 UNIT_PART_CHANGED), its
 * re-approval by the 主管部门 consolidates nothing, and its publication is version 2 with its 更正说明.
 */
const SCHOOL: TUnitRef = { code: '019001002', name: '示例第一中学' };
const REASON = '单位预算说明中财政拨款收支变动原因表述有误，予以更正';

describe('更正 of a published 单位预算', () => {
  let t: TTestApp;
  let u: Record<'admin' | 'preparer' | 'publisher' | 'reviewer' | 'publisher2', TSignedIn>;
  let schoolPreparer: TSignedIn;
  let leader: TSignedIn;

  const act = (who: TSignedIn, id: string, action: string, body: object = {}) => t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(body);
  const read = async (who: TSignedIn, id: string) => (await t.http().get(`/api/budgets/${id}`).set(who.headers).expect(200)).body as { state: string; round?: string; version: number; lines: { expenditure: { items: { id: string; amount: string }[] } } };
  const document = async (who: TSignedIn, id: string) => (await t.http().get(`/api/budgets/${id}/document`).set(who.headers).expect(200)).body as Record<string, unknown> & { explanations: Record<string, string> };
  const consolidations = async (unitBudgetId: string) => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'budget.consolidate' AND payload->>'unitBudgetId' = $1`, [unitBudgetId])) as { n: number }[])[0]?.n;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'admin', 'preparer', 'publisher', 'reviewer', 'publisher2');
    schoolPreparer = await addUnit(t, u.admin, SCHOOL, 'schoolprep');
    leader = await addDepartmentReviewer(t, u.admin, 'eduleader');
    await t.http().put('/api/fiscal-years/2020').set(u.admin.headers).send({ status: 'open', template: 'shanghai-district' }).expect(200);
  }, 60_000);
  afterAll(() => t.close());

  it("corrects the unit's disclosure, never the 部门预算's approved figures, and publishes version 2 with its 更正说明", async () => {
    const department = (await createSeededBudget(t, u.preparer, 2020, withUnits(seedDocument(), [SCHOOL]))).id;
    const school = (await t.http().post('/api/budgets').set(schoolPreparer.headers).send({ fiscalYear: 2020 }).expect(201)).body.id as string;
    await act(schoolPreparer, school, 'submit').expect(200);
    await act(leader, school, 'approve', { opinion: '同意汇总' }).expect(200);
    await act(u.preparer, department, 'submit').expect(200);
    await act(u.reviewer, department, 'approve', APPROVAL).expect(200);
    const v1 = (await act(u.publisher, school, 'publish').expect(200)).body.publication as { id: string; versionNo: number };
    expect(v1.versionNo).toBe(1);
    expect(await consolidations(school)).toBe(1);
    const approvedDepartment = { doc: await document(u.preparer, department), head: await read(u.preparer, department) };
    expect(approvedDepartment.head.state).toBe('approved');

    // A correction needs its reason; it is the unit's or its department's publisher's, nobody else's.
    expect((await act(u.publisher, school, 'revise', { reason: '  ' }).expect(400)).body.code).toBe('REVISE_REASON_REQUIRED');
    await act(u.publisher2, school, 'revise', { reason: REASON }).expect(404);
    await act(u.preparer, school, 'revise', { reason: REASON }).expect(404);
    const revised = (await act(u.publisher, school, 'revise', { reason: REASON }).expect(200)).body;
    expect(revised).toEqual(expect.objectContaining({ state: 'draft', round: 'unit' }));
    // The published version stays public while the correction is worked on.
    expect((await t.http().get(`/api/public/disclosures/${v1.id}`).expect(200)).body.latest).toBe(true);

    // Its money is the 部门预算's, approved: moving 100.00 元 between two of its lines is refused at submission.
    const before = await read(schoolPreparer, school);
    const [first, second] = before.lines.expenditure.items;
    if (first === undefined || second === undefined) throw new Error('the school has fewer than two lines');
    const moved = (amount: string, fen: bigint) => ((BigInt(amount.replace('.', '')) + fen).toString().replace(/(\d\d)$/, '.$1'));
    const edited = await t.http().patch(`/api/budgets/${school}/lines`).set(schoolPreparer.headers).send({ version: before.version, upsertExpenditure: [{ ...first, amount: moved(first.amount, 10_000n) }, { ...second, amount: moved(second.amount, -10_000n) }] }).expect(200);
    const refused = await act(schoolPreparer, school, 'submit');
    expect([refused.status, refused.body.code]).toEqual([409, 'UNIT_PART_CHANGED']);
    expect((await read(schoolPreparer, school)).state).toBe('draft');
    await t.http().patch(`/api/budgets/${school}/lines`).set(schoolPreparer.headers).send({ version: edited.body.version, upsertExpenditure: [first, second] }).expect(200);

    // Its disclosure text is its own: the corrected explanation goes to the 主管部门 again.
    const doc = await document(schoolPreparer, school);
    const current = await read(schoolPreparer, school);
    await t.http().put(`/api/budgets/${school}/document`).set(schoolPreparer.headers).set('If-Match', `"${current.version}"`).send({ ...doc, explanations: { ...doc.explanations, fiscalChangeReason: '主要是学校教学设备更新支出增加。' } }).expect(200);
    expect((await act(schoolPreparer, school, 'submit').expect(200)).body).toEqual(expect.objectContaining({ state: 'submitted', round: 'unit', stageIndex: 0 }));
    // Returned and approved while the 部门预算 stays approved: the correction never touches it.
    await act(leader, school, 'return', { reason: '请补充更正依据' }).expect(200);
    await act(schoolPreparer, school, 'submit').expect(200);
    expect((await act(leader, school, 'approve', { opinion: '同意更正' }).expect(200)).body).toEqual(expect.objectContaining({ state: 'approved', round: 'unit' }));
    expect(await consolidations(school)).toBe(1);
    expect(await document(u.preparer, department)).toEqual(approvedDepartment.doc);
    expect(await read(u.preparer, department)).toEqual(expect.objectContaining({ state: 'approved', version: approvedDepartment.head.version }));

    const v2 = (await act(u.publisher, school, 'publish').expect(200)).body.publication as { id: string; versionNo: number };
    expect(v2.versionNo).toBe(2);
    const page = (await t.http().get(`/api/public/disclosures/${v2.id}`).expect(200)).body as TPublication & { correction: { reason: string; previousVersion: number } | null; files: { name: string; url: string }[] };
    expect(page.correction).toEqual(expect.objectContaining({ reason: REASON, previousVersion: 1 }));
    expect(page.disclosure.meta).toEqual(expect.objectContaining({ scope: 'unit', departmentName: SCHOOL.name }));
    const notice = page.files.find((f) => f.name === 'correction-notice.txt');
    if (notice === undefined) throw new Error('version 2 has no 更正说明');
    const text = (await t.http().get(notice.url).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200)).body as Buffer;
    expect(text.toString('utf8').split('\n')).toEqual(expect.arrayContaining(['示例第一中学2020年单位预算更正说明', `更正原因：${REASON}`, '本次公开为第2版，更正第1版。']));
    expect((await t.http().get(`/api/public/disclosures/${v1.id}`).expect(200)).body).toEqual(expect.objectContaining({ latest: false, correction: null }));
    // The unit's own preparer may start the next 更正, as a 部门预算's preparer may.
    expect((await act(schoolPreparer, school, 'revise', { reason: '单位基本信息有误' }).expect(200)).body).toEqual(expect.objectContaining({ state: 'draft', round: 'unit' }));
  }, 240_000);
});
