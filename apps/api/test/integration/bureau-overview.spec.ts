import { addDays, catalogueForYear, daysBetween, ceilingFiguresOfLines, type TExpenditureLine } from '@budgetflow/domain';
import { APPROVAL, createSeededBudget, seedDocument, seedDocumentFor, signIn, type TBudgetRef } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';
import { addDepartmentReviewer, addUnit, withUnits, type TUnitRef } from '../utils/unit-fixtures';

let t: TTestApp;
let as: Record<'admin' | 'preparer' | 'preparer2' | 'publisher' | 'publisher2' | 'reviewer' | 'reviewer2' | 'reviewer_other', TSignedIn>;
let home: TBudgetRef;
let other: TBudgetRef;
let homeTotal: bigint;

interface TDesk {
  today: string;
  desk: { bureau: string | null; office: string | null };
  departments: { department: { code: string }; budgetId: string | null; state: string | null; round: string | null; stage: { index: number; count: number; name: string } | null; daysWaiting: number | null; figures: { totalFen: string; basicFen: string; projectFen: string } | null; ceilings: { issued: boolean; exceeded: { ceiling: string; excessFen: string }[] }; findings: { errors: number; warnings: number } | null }[];
  totals: { totalFen: string; byFunctionClass: { code: string; name: string; totalFen: string }[]; byDepartment: { code: string; totalFen: string }[] };
  compliance: TComplianceItem[];
}
interface TClock {
  repliedOn: string | null;
  deadline: string | null;
  publishedOn: string | null;
  status: string;
}
interface TComplianceItem extends TClock {
  department: { code: string };
  units?: (TClock & { unit: TUnitRef; daysLate: number })[];
}

const desk = async (who: TSignedIn, query = '', year = 2020): Promise<TDesk> => (await t.http().get(`/api/bureau/overview?year=${year}${query}`).set(who.headers).expect(200)).body as TDesk;
const publicCompliance = async (year: number): Promise<TComplianceItem[]> => (await t.http().get(`/api/public/compliance?year=${year}`).expect(200)).body.items as TComplianceItem[];
const act = (ref: TBudgetRef, action: string, who: TSignedIn, body: object = {}) => t.http().post(`/api/budgets/${ref.id}/${action}`).set(who.headers).send(body).expect(200);
const fenOf = async (sql: string, params: unknown[]): Promise<bigint> => BigInt(((await t.dataSource.query(sql, params)) as [{ fen: string }])[0].fen);

beforeAll(async () => {
  t = await createTestApp();
  as = await signIn(t, 'admin', 'preparer', 'preparer2', 'publisher', 'publisher2', 'reviewer', 'reviewer2', 'reviewer_other');
  home = await createSeededBudget(t, as.preparer);
  other = await createSeededBudget(t, as.preparer2, 2020, seedDocumentFor(t.people.departments.other));
  homeTotal = await fenOf(`SELECT (sum(amount) * 100)::bigint::text AS fen FROM expenditure_lines WHERE budget_id = $1`, [home.id]);
  await t.http().get(`/api/budgets/${home.id}`).set(as.preparer.headers).expect(200); // derives it: its findings are counted
  await t.http().put(`/api/budgets/${home.id}/ceilings`).set(as.reviewer.headers).send({ ceilings: { total: (homeTotal - 100n).toString() } }).expect(200);
});
afterAll(() => t.close());

describe('GET /api/bureau/overview', () => {
  it('shows every department of the year with its state, figures against ceilings and findings', async () => {
    const overview = await desk(as.reviewer);
    expect(overview.departments.map((d) => [d.department.code, d.state, d.ceilings.issued])).toEqual([
      ['019001', 'draft', true],
      ['999001', 'draft', false],
    ]);
    const [mine, theirs] = overview.departments;
    expect(mine).toMatchObject({ budgetId: home.id, daysWaiting: 0, figures: { totalFen: homeTotal.toString() }, ceilings: { exceeded: [{ ceiling: 'total', excessFen: '100' }] }, findings: { errors: 0 } });
    expect(BigInt(mine!.figures!.basicFen) + BigInt(mine!.figures!.projectFen)).toBe(homeTotal);
    expect(theirs).toMatchObject({ budgetId: other.id, ceilings: { exceeded: [] }, findings: null });
  });

  it('is titled by the reviewer’s own bureau and office (科室), and by none for a reviewer of no office', async () => {
    expect((await desk(as.reviewer)).desk).toEqual({ bureau: null, office: null });
    const [bureau] = (await t.dataSource.query(`INSERT INTO finance_bureaus (code, name) VALUES ('420199', '某区财政局') RETURNING id`)) as [{ id: string }];
    const [office] = (await t.dataSource.query(`INSERT INTO bureau_offices (bureau_id, code, name, kind) VALUES ($1, 'xingzheng', '行政政法科', 'business') RETURNING id`, [bureau.id])) as [{ id: string }];
    await t.dataSource.query(`UPDATE users SET office_id = $1 WHERE username = 'reviewer'`, [office.id]);
    try {
      expect((await desk(as.reviewer)).desk).toEqual({ bureau: '某区财政局', office: '行政政法科' });
      expect((await desk(as.reviewer2)).desk).toEqual({ bureau: null, office: null });
    } finally {
      await t.dataSource.query(`UPDATE users SET office_id = NULL WHERE username = 'reviewer'`);
    }
  });

  it('follows an edit: the figures of the budget’s new version, against the same ceilings, and its findings once derived again', async () => {
    const version = async () => ((await t.http().get(`/api/budgets/${home.id}`).set(as.preparer.headers).expect(200)).body as { version: number }).version; // the GET derives it
    const [line] = (await t.http().get(`/api/budgets/${home.id}/document`).set(as.preparer.headers).expect(200)).body.expenditureLines as { id: string; amount: string }[];
    const put = async (amount: string) => t.http().patch(`/api/budgets/${home.id}/lines`).set(as.preparer.headers).send({ version: await version(), upsertExpenditure: [{ ...line, amount }] }).expect(200);
    await desk(as.reviewer); // the figures of the version before are kept
    await put(((BigInt(line!.amount.replace('.', '')) + 100n).toString()).replace(/(\d\d)$/, '.$1')); // 1 元 more: over by 2 元, and out of balance
    const [edited] = (await desk(as.reviewer)).departments;
    expect(edited).toMatchObject({ figures: { totalFen: (homeTotal + 100n).toString() }, ceilings: { exceeded: [{ ceiling: 'total', excessFen: '200' }] }, findings: null });
    await version();
    expect((await desk(as.reviewer)).departments[0]!.findings!.errors).toBeGreaterThan(0);
    await put(line!.amount); // and back
    await version();
    expect((await desk(as.reviewer)).departments[0]).toMatchObject({ figures: { totalFen: homeTotal.toString() }, ceilings: { exceeded: [{ excessFen: '100' }] }, findings: { errors: 0 } });
  });

  it('filters by state, by being over a ceiling and by department; the totals stay the district’s', async () => {
    const over = await desk(as.reviewer, '&overCeiling=true');
    expect(over.departments.map((d) => d.department.code)).toEqual(['019001']);
    expect((await desk(as.reviewer, '&overCeiling=false')).departments.map((d) => d.department.code)).toEqual(['999001']);
    expect((await desk(as.reviewer, `&q=${encodeURIComponent('示例')}`)).departments.map((d) => d.department.code)).toEqual(['999001']);
    expect((await desk(as.reviewer, '&state=submitted')).departments).toEqual([]);
    expect(over.totals.byDepartment.map((d) => d.code)).toEqual(['019001', '999001']);
    const bad = await t.http().get('/api/bureau/overview?year=2020&state=lost').set(as.reviewer.headers).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await t.http().get('/api/bureau/overview').set(as.reviewer.headers).expect(400);
  });

  it('consolidates the district by 功能 类 and by department, to the 分', async () => {
    const { totals } = await desk(as.reviewer);
    const all = await fenOf(`SELECT (sum(amount) * 100)::bigint::text AS fen FROM expenditure_lines`, []);
    expect(BigInt(totals.totalFen)).toBe(all);
    expect(totals.byFunctionClass.reduce((sum, c) => sum + BigInt(c.totalFen), 0n)).toBe(all);
    expect(totals.byDepartment.reduce((sum, d) => sum + BigInt(d.totalFen), 0n)).toBe(all);
    const social = totals.byFunctionClass.find((c) => c.code === '208');
    expect(social).toEqual({ code: '208', name: catalogueForYear(2020).functional.get('208')?.name, totalFen: (await fenOf(`SELECT (sum(amount) * 100)::bigint::text AS fen FROM expenditure_lines WHERE function_code LIKE '208%'`, [])).toString() });
  });

  it('compares every ceiling with the figures kept for the desk, to the 分: 基本, 项目, each fund source, the 三公', async () => {
    const lines = (await t.http().get(`/api/budgets/${home.id}/document`).set(as.preparer.headers).expect(200)).body.expenditureLines as TExpenditureLine[];
    const { byFundSource, threePublic, ...headline } = ceilingFiguresOfLines(lines);
    // Each ceiling 1 分 below the budget's figure of it, where it has one: each is exceeded by 1 分.
    const oneBelow = (figures: Partial<Record<string, number>>) => Object.fromEntries(Object.entries(figures).flatMap(([item, fen]) => (fen! > 0 ? [[item, String(fen! - 1)]] : [])));
    const ceilings = { ...oneBelow(headline), byFundSource: oneBelow(byFundSource), threePublic: oneBelow(threePublic) };
    const items = [...Object.keys(oneBelow(headline)), ...Object.keys(ceilings.byFundSource).map((s) => `fundSource.${s}`), ...Object.keys(ceilings.threePublic).map((p) => `threePublic.${p}`)];
    expect(items).toEqual(expect.arrayContaining(['total', 'basic', 'project', expect.stringMatching(/^fundSource\./), expect.stringMatching(/^threePublic\./)]));
    await t.http().put(`/api/budgets/${home.id}/ceilings`).set(as.reviewer.headers).send({ ceilings }).expect(200);
    try {
      const [mine] = (await desk(as.reviewer)).departments;
      expect(mine!.figures).toEqual({ totalFen: String(headline.total), basicFen: String(headline.basic), projectFen: String(headline.project) });
      expect(mine!.ceilings.exceeded.map((e) => [e.ceiling, e.excessFen]).sort()).toEqual(items.map((item) => [item, '1']).sort());
    } finally {
      await t.http().put(`/api/budgets/${home.id}/ceilings`).set(as.reviewer.headers).send({ ceilings: { total: (homeTotal - 100n).toString() } }).expect(200);
    }
  });

  it('is the reviewers’ desk, within each reviewer’s scope', async () => {
    expect((await desk(as.reviewer_other)).departments.map((d) => d.department.code)).toEqual(['999001']);
    expect((await desk(as.reviewer_other)).totals.byDepartment.map((d) => d.code)).toEqual(['999001']);
    await t.http().get('/api/bureau/overview?year=2020').set(as.preparer.headers).expect(403);
    await t.http().get('/api/bureau/overview?year=2020').expect(401);
  });
});

describe('the publication compliance list', () => {
  beforeAll(async () => {
    await t.http().put(`/api/budgets/${home.id}/ceilings`).set(as.reviewer.headers).send({ ceilings: { total: homeTotal.toString() } }).expect(200);
    await act(home, 'submit', as.preparer);
    const submitted = await desk(as.reviewer, '&state=submitted');
    expect(submitted.departments.map((d) => [d.department.code, d.round, d.stage])).toEqual([['019001', 'final', { index: 0, count: 1, name: '财政局审核' }]]);
    await act(home, 'approve', as.reviewer, { ...APPROVAL, date: '2020-02-20' });
    await act(other, 'submit', as.preparer2);
    const [{ today }] = (await t.dataSource.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`)) as [{ today: string }];
    await act(other, 'approve', as.reviewer2, { ...APPROVAL, documentNo: '硚财预〔2020〕2号', date: today });
    await act(other, 'publish', as.publisher2);
  });

  it('on the desk: 20 days from the 批复 date, published on time or overdue', async () => {
    const overview = await desk(as.reviewer);
    const today = overview.today;
    expect(overview.compliance).toEqual([
      { department: { code: '019001', name: '武汉市硚口区大数据中心' }, repliedOn: '2020-02-20', deadline: '2020-03-11', publishedOn: null, status: 'overdue', daysLate: daysBetween('2020-03-11', today) },
      { department: { code: '999001', name: '示例单位' }, repliedOn: today, deadline: addDays(today, 20), publishedOn: today, status: 'on-time', daysLate: 0 },
    ]);
    expect(overview.departments.map((d) => d.round)).toEqual(['replied', 'replied']);
    expect(overview.departments.map((d) => [d.state, d.daysWaiting])).toEqual([
      ['approved', 0],
      ['published', 0],
    ]);
  });

  it('in public, without signing in, for the budgets that have had their 批复', async () => {
    const res = await t.http().get('/api/public/compliance?year=2020').expect(200);
    expect(res.body.items.map((i: { department: { code: string }; status: string }) => [i.department.code, i.status])).toEqual([
      ['019001', 'overdue'],
      ['999001', 'on-time'],
    ]);
    expect((await t.http().get('/api/public/compliance?year=2021').expect(200)).body.items).toEqual([]);
    await t.http().get('/api/public/compliance?year=abc').expect(400);
  });
});

/**
 * 单位预算 in the compliance list. 2022 is under Shanghai's template, which prints a 单位 scope: the
 * home department's 二级单位 (a school with a budget of its own, a kindergarten without) each owe
 * their own disclosure within the 20 days of the bureau's 批复 of the 部门预算. 2020 stays under
 * Hubei's, which has none: its entries are as they were, though the department now has units.
 */
describe('the compliance list with the 单位预算 a department’s 二级单位 owe', () => {
  const SCHOOL: TUnitRef = { code: '019001002', name: '示例第一中学' };
  const KINDERGARTEN: TUnitRef = { code: '019001003', name: '示例幼儿园' };
  let department: TBudgetRef;
  let school: string;
  let today: string;
  const homeOf = async (year: number) => (await desk(as.reviewer, '', year)).compliance.find((e) => e.department.code === '019001');

  beforeAll(async () => {
    const schoolPreparer = await addUnit(t, as.admin, SCHOOL, 'schoolprep');
    await addUnit(t, as.admin, KINDERGARTEN, 'kinderprep');
    const leader = await addDepartmentReviewer(t, as.admin, 'eduleader');
    await t.http().put('/api/fiscal-years/2022').set(as.admin.headers).send({ status: 'open', template: 'shanghai-district' }).expect(200);
    department = await createSeededBudget(t, as.preparer, 2022, withUnits(seedDocument(), [SCHOOL, KINDERGARTEN]));
    school = (await t.http().post('/api/budgets').set(schoolPreparer.headers).send({ fiscalYear: 2022 }).expect(201)).body.id as string;
    await t.http().post(`/api/budgets/${school}/submit`).set(schoolPreparer.headers).send({}).expect(200);
    await t.http().post(`/api/budgets/${school}/approve`).set(leader.headers).send({ opinion: '同意汇总' }).expect(200);
    // The other department's budget of the year names Hubei's template: no 单位 scope, whatever the year's.
    await createSeededBudget(t, as.preparer2, 2022, { ...seedDocumentFor(t.people.departments.other), template: 'hubei-2020' });
    await act(department, 'submit', as.preparer);
    today = (await desk(as.reviewer, '', 2022)).today;
    await act(department, 'approve', as.reviewer, { ...APPROVAL, documentNo: '硚财预〔2022〕1号', date: today });
  }, 240_000);

  it('lists each 二级单位 under its replied department, its 20 days from the bureau’s 批复 date, not yet published', async () => {
    const deadline = addDays(today, 20);
    const due = { repliedOn: today, deadline, publishedOn: null, status: 'due', daysLate: 0 };
    const overview = await desk(as.reviewer, '', 2022);
    expect(overview.compliance).toEqual([
      { department: { code: '019001', name: t.people.departments.home.name }, repliedOn: today, deadline, publishedOn: null, status: 'due', daysLate: 0, units: [{ unit: SCHOOL, ...due }, { unit: KINDERGARTEN, ...due }] },
      { department: { code: '999001', name: '示例单位' }, repliedOn: null, deadline: null, publishedOn: null, status: 'not-replied', daysLate: 0 },
    ]);
    // In public, the replied department alone, its units with it.
    expect(await publicCompliance(2022)).toEqual([overview.compliance[0]]);
    // A reviewer whose scope leaves the department out sees nothing of its units either.
    expect((await desk(as.reviewer_other, '', 2022)).compliance.map((e) => e.department.code)).toEqual(['999001']);
  });

  it('keeps the entries of a template without a 单位 scope as they were, the department’s units notwithstanding', async () => {
    const { today } = await desk(as.reviewer, '', 2020);
    expect(await homeOf(2020)).toEqual({ department: { code: '019001', name: '武汉市硚口区大数据中心' }, repliedOn: '2020-02-20', deadline: '2020-03-11', publishedOn: null, status: 'overdue', daysLate: daysBetween('2020-03-11', today) });
    expect((await publicCompliance(2020)).map((e) => Object.keys(e).sort())).toEqual([
      ['daysLate', 'deadline', 'department', 'publishedOn', 'repliedOn', 'status'],
      ['daysLate', 'deadline', 'department', 'publishedOn', 'repliedOn', 'status'],
    ]);
  });

  it('a unit that publishes within the 20 days is on time; once they are past, one published after them is late and one not published overdue, by the days past the deadline', async () => {
    await act({ id: school, version: 0 }, 'publish', as.publisher);
    const published = await homeOf(2022);
    expect(published?.units?.map((u) => [u.unit.code, u.publishedOn, u.status, u.daysLate])).toEqual([
      [SCHOOL.code, today, 'on-time', 0],
      [KINDERGARTEN.code, null, 'due', 0],
    ]);
    expect(published?.status).toBe('due'); // the 部门预算 has its own clock, and is not published yet

    // 25 days on: the 批复 is moved back, as the database's clock cannot be. The deadline was 5 days ago.
    await t.dataSource.query(`UPDATE budgets SET replied_on = replied_on - 25 WHERE id = $1`, [department.id]);
    const repliedOn = addDays(today, -25);
    const deadline = addDays(today, -5);
    const overview = await homeOf(2022);
    expect(overview).toMatchObject({ repliedOn, deadline, status: 'overdue', daysLate: 5 });
    expect(overview?.units).toEqual([
      { unit: SCHOOL, repliedOn, deadline, publishedOn: today, status: 'late', daysLate: 5 },
      { unit: KINDERGARTEN, repliedOn, deadline, publishedOn: null, status: 'overdue', daysLate: 5 },
    ]);
    expect((await publicCompliance(2022))[0]?.units).toEqual(overview?.units);
  });
});
