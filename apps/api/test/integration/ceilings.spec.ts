import ExcelJS from 'exceljs';
import { APPROVAL, createSeededBudget, seedDocumentFor, signIn, type TBudgetRef } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { budgetAuditTrail } from '../utils/audit-trail';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TTestApp;
let as: Record<'preparer' | 'preparer2' | 'reviewer' | 'reviewer2' | 'reviewer_other' | 'publisher', TSignedIn>;
let home: TBudgetRef;
let other: TBudgetRef;
/** The seed's figures in 分, as the ceilings answer compares them. */
let seedTotal: bigint;

interface TComparison {
  ceiling: string;
  name: string;
  ceilingFen: string;
  amountFen: string;
  roomFen: string;
}

const ceilingsOf = (ref: TBudgetRef, who: TSignedIn) => t.http().get(`/api/budgets/${ref.id}/ceilings`).set(who.headers);
const put = (ref: TBudgetRef, who: TSignedIn, body: object) => t.http().put(`/api/budgets/${ref.id}/ceilings`).set(who.headers).send(body);
const issuedCount = async (): Promise<number> => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM department_ceilings`)) as [{ n: number }])[0].n;

beforeAll(async () => {
  t = await createTestApp();
  as = await signIn(t, 'preparer', 'preparer2', 'reviewer', 'reviewer2', 'reviewer_other', 'publisher');
  home = await createSeededBudget(t, as.preparer);
  other = await createSeededBudget(t, as.preparer2, 2020, seedDocumentFor(t.people.departments.other));
  const [{ fen }] = (await t.dataSource.query(`SELECT (sum(amount) * 100)::bigint::text AS fen FROM expenditure_lines WHERE budget_id = $1`, [home.id])) as [{ fen: string }];
  seedTotal = BigInt(fen);
});
afterAll(() => t.close());

describe('GET|PUT /api/budgets/:id/ceilings', () => {
  it('answers no ceilings before any are issued, even to the reviewers of a draft', async () => {
    const res = await ceilingsOf(home, as.reviewer).expect(200);
    expect(res.body).toMatchObject({ budgetId: home.id, fiscalYear: 2020, department: { code: '019001' }, version: 0, setAt: null, issuedAt: null, ceilings: { byFundSource: {}, threePublic: {} }, comparison: [] });
  });

  it('the 预算科 issues them; the department reads them beside its figures with the room left; the change is audited', async () => {
    const total = (seedTotal + 1_000_00n).toString();
    const issued = await put(home, as.reviewer, { version: 0, ceilings: { total, threePublic: { reception: '0' } } }).expect(200);
    expect(issued.body.version).toBe(1);
    const read = await ceilingsOf(home, as.preparer).expect(200);
    const comparison = read.body.comparison as TComparison[];
    expect(comparison[0]).toEqual({ ceiling: 'total', name: '支出总额', ceilingFen: total, amountFen: seedTotal.toString(), roomFen: '100000' });
    expect(comparison[1]).toMatchObject({ ceiling: 'threePublic.reception', name: '公务接待费', ceilingFen: '0' });
    const entries = await budgetAuditTrail(t, home.id);
    expect(entries.filter((e) => e.action === 'ceilings.issue')).toEqual([expect.objectContaining({ actor: 'reviewer', payload: expect.objectContaining({ version: 1, ceilings: expect.objectContaining({ total }) }) })]);
  });

  it('refuses a stale version, money as a number or in 元, and leaves the ceilings as they were', async () => {
    const before = (await ceilingsOf(home, as.reviewer).expect(200)).body as unknown;
    const stale = await put(home, as.reviewer, { version: 0, ceilings: { total: '1' } }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT' });
    for (const ceilings of [{ total: 100 }, { total: '100.00' }, { basic: '-5' }, { byFundSource: { lottery: '1' } }]) {
      const bad = await put(home, as.reviewer, { ceilings }).expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: expect.stringMatching(/^ceilings\./) as string })] });
    }
    // A negative ceiling is refused by its own path and reason, whichever ceiling it is.
    for (const [ceilings, path] of [[{ total: '-100' }, 'ceilings.total'], [{ threePublic: { reception: '-1' } }, 'ceilings.threePublic.reception'], [{ byFundSource: { 'general-budget-appropriation': '-1' } }, 'ceilings.byFundSource.general-budget-appropriation']] as const) {
      const negative = await put(home, as.reviewer, { ceilings }).expect(400);
      expect(negative.body.errors).toEqual([{ path, message: 'a ceiling cannot be negative' }]);
    }
    expect((await ceilingsOf(home, as.reviewer).expect(200)).body).toEqual(before);
  });

  it('only reviewers issue, only within their scope; another department never reads them', async () => {
    await put(home, as.preparer, { ceilings: {} }).expect(403);
    await put(home, as.publisher, { ceilings: {} }).expect(403);
    await put(home, as.reviewer_other, { ceilings: {} }).expect(404);
    await ceilingsOf(home, as.reviewer_other).expect(404);
    await ceilingsOf(home, as.preparer2).expect(404);
    await ceilingsOf(other, as.reviewer_other).expect(200);
  });

  it('only the 预算科 issues them: a reviewer of a 业务科室 is refused by hand and by sheet, and nothing changes', async () => {
    const [bureau] = (await t.dataSource.query(`INSERT INTO finance_bureaus (code, name) VALUES ('420198', '某区财政局') RETURNING id`)) as [{ id: string }];
    const offices = (await t.dataSource.query(
      `INSERT INTO bureau_offices (bureau_id, code, name, kind) VALUES ($1, 'yewu', '行政政法科', 'business'), ($1, 'yusuan', '预算科', 'budget') RETURNING id, kind`,
      [bureau.id],
    )) as { id: string; kind: string }[];
    const officeOf = (kind: string) => offices.find((o) => o.kind === kind)!.id;
    const before = (await ceilingsOf(home, as.reviewer).expect(200)).body as { version: number };
    try {
      await t.dataSource.query(`UPDATE users SET office_id = $1 WHERE username = 'reviewer'`, [officeOf('business')]);
      const refused = await put(home, as.reviewer, { version: before.version, ceilings: { total: '1' } }).expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });
      await t.http().post('/api/bureau/ceilings/2020/uploads').set(as.reviewer.headers).send({ csv: '部门编码,支出总额\n019001,1\n' }).expect(403);
      expect((await ceilingsOf(home, as.reviewer).expect(200)).body).toEqual(before);
      // The same reviewer in the 预算科 issues them.
      await t.dataSource.query(`UPDATE users SET office_id = $1 WHERE username = 'reviewer'`, [officeOf('budget')]);
      const issued = await put(home, as.reviewer, { version: before.version, ceilings: { total: seedTotal.toString() } }).expect(200);
      expect(issued.body.version).toBe(before.version + 1);
    } finally {
      await t.dataSource.query(`UPDATE users SET office_id = NULL WHERE username = 'reviewer'`);
    }
  });
});

describe('a submission over a ceiling', () => {
  it('is refused with OVER_CEILING, each exceeded ceiling, its amount, the budget’s and the excess; nothing changes', async () => {
    const current = (await ceilingsOf(home, as.reviewer).expect(200)).body as { version: number };
    await put(home, as.reviewer, { version: current.version, ceilings: { total: (seedTotal - 1n).toString(), basic: '0' } }).expect(200);
    const refused = await t.http().post(`/api/budgets/${home.id}/submit`).set(as.preparer.headers).set('Idempotency-Key', 'ceilings-over-1').send({}).expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'OVER_CEILING', status: 409 });
    const exceeded = refused.body.exceeded as Record<string, string>[];
    expect(exceeded[0]).toEqual({ ceiling: 'total', name: '支出总额', ceilingFen: (seedTotal - 1n).toString(), amountFen: seedTotal.toString(), excessFen: '1', excessYuan: '0.01' });
    expect(exceeded[1]).toMatchObject({ ceiling: 'basic', name: '基本支出', ceilingFen: '0' });
    expect(BigInt(exceeded[1]?.excessFen ?? '0')).toBeGreaterThan(0n);
    const budget = await t.http().get(`/api/budgets/${home.id}`).set(as.preparer.headers).expect(200);
    expect(budget.body.state).toBe('draft');
  });

  it('goes through once the ceilings leave room for it', async () => {
    const current = (await ceilingsOf(home, as.reviewer).expect(200)).body as { version: number };
    await put(home, as.reviewer, { version: current.version, ceilings: { total: seedTotal.toString() } }).expect(200);
    const submitted = await t.http().post(`/api/budgets/${home.id}/submit`).set(as.preparer.headers).set('Idempotency-Key', 'ceilings-within-1').send({}).expect(200);
    expect(submitted.body.state).toBe('submitted');
  });
});

describe('the rounds side by side', () => {
  it('put 控制数, 二上 and 批复 of each item beside each other; after the 批复 the ceilings are settled', async () => {
    await t.http().post(`/api/budgets/${home.id}/approve`).set(as.reviewer2.headers).send(APPROVAL).expect(200);
    const res = await t.http().get(`/api/budgets/${home.id}/rounds`).set(as.preparer.headers).expect(200);
    expect(res.body.revisions).toEqual({ proposal: null, final: 1, replied: 1 });
    expect(res.body.rows[0]).toEqual({ item: 'total', name: '支出总额', proposalFen: null, ceilingFen: seedTotal.toString(), finalFen: seedTotal.toString(), repliedFen: seedTotal.toString() });
    const basic = (res.body.rows as { item: string; finalFen: string }[]).find((r) => r.item === 'basic');
    const project = (res.body.rows as { item: string; finalFen: string }[]).find((r) => r.item === 'project');
    expect(BigInt(basic?.finalFen ?? '0') + BigInt(project?.finalFen ?? '0')).toBe(seedTotal);
    const settled = await put(home, as.reviewer, { ceilings: { total: '1' } }).expect(409);
    expect(settled.body.code).toBe('CONFLICT');
    await t.http().get(`/api/budgets/${home.id}/rounds`).set(as.preparer2.headers).expect(404);
  });
});

describe('issuing many from a spreadsheet', () => {
  const upload = (body: unknown, type = 'application/json') => t.http().post('/api/bureau/ceilings/2020/uploads').set(as.reviewer.headers).set('Content-Type', type).send(body as object);

  it('previews a CSV beside the ceilings in force, names its problems, and issues nothing until confirmed', async () => {
    const before = await issuedCount();
    const bad = await upload({ csv: '部门编码,支出总额\n999001,12.345\n123456,100\n' }).expect(201);
    expect(bad.body.problems).toEqual([
      { position: 'line 2', column: '支出总额', reason: 'amounts have at most 2 decimals (分): "12.345"' },
      { position: 'line 3', column: '', reason: 'no department 123456 in your scope' },
    ]);
    const refused = await t.http().post(`/api/bureau/ceilings/2020/uploads/${bad.body.uploadId}/confirm`).set(as.reviewer.headers).expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(await issuedCount()).toBe(before);

    const good = await upload({ csv: '部门编码,部门名称,支出总额,项目支出,公务接待费\n999001,示例单位,"2,000,000.00",500000,12000.5\n' }).expect(201);
    expect(good.body).toMatchObject({ confirmed: false, problems: [], rows: [{ position: 'line 2', departmentCode: '999001', departmentName: '示例单位', ceilings: { total: '200000000', project: '50000000', threePublic: { reception: '1200050' } }, current: null }] });
    expect(await issuedCount()).toBe(before);
    const confirmed = await t.http().post(`/api/bureau/ceilings/2020/uploads/${good.body.uploadId}/confirm`).set(as.reviewer.headers).expect(200);
    expect(confirmed.body.confirmed).toBe(true);
    expect((await ceilingsOf(other, as.preparer2).expect(200)).body).toMatchObject({ version: 1, ceilings: { total: '200000000', project: '50000000' } });
    await t.http().post(`/api/bureau/ceilings/2020/uploads/${good.body.uploadId}/confirm`).set(as.reviewer.headers).expect(409);
  });

  it('reads the first sheet of an .xlsx the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('控制数');
    sheet.addRow(['部门编码', '支出总额']);
    sheet.addRow(['999001', '2100000']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(bytes, XLSX).expect(201);
    expect(res.body).toMatchObject({ problems: [], rows: [{ departmentCode: '999001', ceilings: { total: '210000000' }, current: { total: '200000000' } }] });
    const preview = await t.http().get(`/api/bureau/ceilings/2020/uploads/${res.body.uploadId}`).set(as.reviewer.headers).expect(200);
    expect(preview.body).toEqual(res.body);
  });

  it('is the reviewers’ alone; a reviewer of one department cannot issue another’s', async () => {
    await upload({ csv: '部门编码,支出总额\n019001,1\n' }).set(as.preparer.headers).expect(403);
    const outside = await t.http().post('/api/bureau/ceilings/2020/uploads').set(as.reviewer_other.headers).send({ csv: '部门编码,支出总额\n019001,1\n' }).expect(201);
    expect(outside.body.problems).toEqual([{ position: 'line 2', column: '', reason: 'no department 019001 in your scope' }]);
  });
});
