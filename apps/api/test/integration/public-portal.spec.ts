import { parseFen } from '@budgetflow/domain';
import { APPROVAL, createSeededBudget, signIn } from '../e2e/budget-test-kit';
import { publishCopy } from '../utils/published-copies';
import { createTestApp, type TTestApp } from '../utils/test-app';

/**
 * The portal's public reading: the drill-down data and digest of a publication, the district
 * search, a department across years, departments of a year side by side. No one signs in.
 */
describe('the public portal API', () => {
  let t: TTestApp;
  let published: string;
  let y2021: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { preparer, reviewer, publisher } = await signIn(t, 'preparer', 'reviewer', 'publisher');
    const { id, version } = await createSeededBudget(t, preparer);
    await t.http().post(`/api/budgets/${id}/submit`).set(preparer.headers).send({ version }).expect(200);
    await t.http().post(`/api/budgets/${id}/approve`).set(reviewer.headers).send(APPROVAL).expect(200);
    const res = await t.http().post(`/api/budgets/${id}/publish`).set(publisher.headers).expect(200);
    published = (res.body as { publication: { id: string } }).publication.id;
    // The same department a year later (twice the money, its stated 上年 and reason), and another department.
    y2021 = await publishCopy(t.dataSource, published, { departmentCode: '019001', departmentName: '武汉市硚口区大数据中心', fiscalYear: 2021, scale: 2, lastYearTotal: '6000000.00', changeReason: '新增数据平台建设项目' });
    await publishCopy(t.dataSource, published, { departmentCode: '020001', departmentName: '武汉市硚口区档案馆', fiscalYear: 2020 });
  });
  afterAll(() => t.close());

  it('gives the lines summed for the drill-down, with names, and the digest of the first screen', async () => {
    const res = await t.http().get(`/api/public/disclosures/${published}/breakdown`).expect(200);
    expect(res.body.digest.total).toBe('6044000.00');
    expect(res.body.digest.functionClasses.length).toBeGreaterThanOrEqual(3);
    expect(res.body.names.functional['201']).toBe('一般公共服务支出');
    const sum = (res.body.facts as { amount: string }[]).reduce((s, f) => s + BigInt(parseFen(f.amount)), 0n);
    expect(sum).toBe(604400000n);

    const next = await t.http().get(`/api/public/disclosures/${y2021}/breakdown`).expect(200);
    // 2021 states its 上年 as 6 000 000.00 元; 2020 is published at 6 044 000.00 元: the portal compares with what was published.
    expect(next.body.digest).toMatchObject({ total: '12088000.00', lastYear: { year: 2020, total: '6044000.00', stated: false }, change: { amount: '6044000.00', percent: '100.0' }, changeReason: '新增数据平台建设项目' });
    expect(res.body.digest).toMatchObject({ lastYear: { year: 2019, total: '2836000.00', stated: true } });
  });

  it('answers a missing or malformed disclosure with a problem, not a crash', async () => {
    await t.http().get('/api/public/disclosures/00000000-0000-4000-8000-000000000000/breakdown').expect(404);
    const bad = await t.http().get('/api/public/disclosures/nope/breakdown').expect(404);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('searches the district by department name, 功能科目 name or code and year, paged, newest year first', async () => {
    const all = await t.http().get('/api/public/search').expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 3, years: [2021, 2020] });
    expect(all.body.items.map((i: { fiscalYear: number; department: { code: string } }) => `${i.fiscalYear}:${i.department.code}`)).toEqual(['2021:019001', '2020:019001', '2020:020001']);

    const byName = await t.http().get('/api/public/search').query({ q: '档案' }).expect(200);
    expect(byName.body.items.map((i: { department: { name: string } }) => i.department.name)).toEqual(['武汉市硚口区档案馆']);

    const byFunction = await t.http().get('/api/public/search').query({ q: '一般公共服务', year: 2020 }).expect(200);
    expect(byFunction.body.total).toBe(2);
    expect(byFunction.body.items[0].matchedFunctions).toContainEqual({ code: '201', name: '一般公共服务支出' });

    const byCode = await t.http().get('/api/public/search').query({ q: '201' }).expect(200);
    expect(byCode.body.total).toBe(3);
    const none = await t.http().get('/api/public/search').query({ q: '9999999' }).expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    // % and _ are letters here, not wildcards.
    expect((await t.http().get('/api/public/search').query({ q: '%' }).expect(200)).body.total).toBe(0);

    const page2 = await t.http().get('/api/public/search').query({ pageSize: 2, page: 2 }).expect(200);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page2.body.items).toHaveLength(1);
    const tooBig = await t.http().get('/api/public/search').query({ pageSize: 1000 }).expect(400);
    expect(tooBig.body.errors).toEqual([expect.objectContaining({ path: 'pageSize' })]);
  });

  it('compares a department across its years, with the change and the reason it gave', async () => {
    const res = await t.http().get('/api/public/departments/019001/years').expect(200);
    expect(res.body.department).toEqual({ code: '019001', name: '武汉市硚口区大数据中心' });
    expect(res.body.years.map((y: { fiscalYear: number; total: string; change: unknown; reason: string }) => [y.fiscalYear, y.total, y.change, y.reason])).toEqual([
      // The seed states its 2019 budget (上年预算数): 2836000.00.
      [2020, '6044000.00', { amount: '3208000.00', percent: '113.1' }, ''],
      // 2020 as published, not the 上年 the 2021 budget states (6000000.00)
      [2021, '12088000.00', { amount: '6044000.00', percent: '100.0' }, '新增数据平台建设项目'],
    ]);
    await t.http().get('/api/public/departments/777777/years').expect(404);
  });

  it('puts departments of a year side by side on their 功能 类', async () => {
    const res = await t.http().get('/api/public/compare').query({ year: 2020, departments: '020001,019001' }).expect(200);
    expect(res.body.departments.map((d: { code: string; total: string }) => [d.code, d.total])).toEqual([
      ['020001', '6044000.00'],
      ['019001', '6044000.00'],
    ]);
    expect(res.body.classes.length).toBe(res.body.departments[0].amounts.length);
    await t.http().get('/api/public/compare').query({ year: 2020, departments: 'x y' }).expect(400);
  });

  it('matches names by any part, one or two characters too, case-blind, as before the names were kept lowered', async () => {
    await publishCopy(t.dataSource, published, { departmentCode: '021001', departmentName: '武汉市硚口区IT服务中心', fiscalYear: 2022 });
    const search = async (q: string, year?: number) =>
      (await t.http().get('/api/public/search').query(year === undefined ? { q } : { q, year }).expect(200)).body as { total: number; items: { department: { name: string }; matchedFunctions: { code: string; name: string }[] }[] };
    // One character of a department's name, and of a 功能 name only the seed's lines use.
    expect((await search('档')).items.map((i) => i.department.name)).toEqual(['武汉市硚口区档案馆']);
    const health = await search('卫生', 2020);
    expect(health.total).toBe(2);
    expect(health.items[0]?.matchedFunctions).toContainEqual({ code: '210', name: '卫生健康支出' });
    // Two characters inside a name, not at its start; Latin letters whatever their case.
    expect((await search('健康', 2021)).total).toBe(1);
    expect((await search('it服务')).items.map((i) => i.department.name)).toEqual(['武汉市硚口区IT服务中心']);
    expect((await search('It')).total).toBe(1);
    // A 功能 name's part that no disclosure has finds nothing, and so does an escaped wildcard.
    expect((await search('卫生健康支出x')).total).toBe(0);
    expect((await search('卫_')).total).toBe(0);
  });

  it('keeps the existing public list working beside the search', async () => {
    const res = await t.http().get('/api/public/disclosures').query({ year: 2020 }).expect(200);
    expect(res.body.total).toBe(2);
  });

  it('shows a publication and a department renamed at once, though the same search was answered before', async () => {
    const names = async (q: string) => ((await t.http().get('/api/public/search').query({ q }).expect(200)).body as { items: { department: { name: string } }[] }).items.map((i) => i.department.name);
    expect(await names('文化馆')).toEqual([]);
    await publishCopy(t.dataSource, published, { departmentCode: '022001', departmentName: '武汉市硚口区文化馆', fiscalYear: 2020 });
    expect(await names('文化馆')).toEqual(['武汉市硚口区文化馆']);
    const admin = await t.login('admin');
    const [archive] = (await t.dataSource.query(`SELECT id FROM departments WHERE code = '020001'`)) as { id: string }[];
    expect(await names('档案馆')).toEqual(['武汉市硚口区档案馆']);
    await t.http().patch(`/api/departments/${archive!.id}`).set(admin.headers).send({ name: '武汉市硚口区档案局' }).expect(200);
    expect(await names('档案馆')).toEqual([]);
    expect(await names('档案局')).toEqual(['武汉市硚口区档案局']);
  });
});
