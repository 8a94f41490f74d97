import { createTestApp, TTestApp } from '../utils/test-app';

let t: TTestApp;
let admin: { headers: { Authorization: string } };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

async function lastAudit(action: string): Promise<{ actor: string; entity_id: string; payload: Record<string, unknown> }> {
  const [row] = await t.dataSource.query(`SELECT actor, entity_id, payload FROM audit_log WHERE action = $1 ORDER BY audit_log.id DESC LIMIT 1`, [action]);
  return row;
}

describe('users', () => {
  it('an administrator creates a preparer who can then sign in; the creation is audited without the password', async () => {
    const res = await t.http().post('/api/users').set(admin.headers).send({ username: 'newprep', displayName: '新编制人', password: 'long-enough-pw', role: 'preparer', departmentCode: '999001' }).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), username: 'newprep', displayName: '新编制人', role: 'preparer', departmentCode: '999001', unitCode: null, reviewScope: [], active: true, twoFactor: false, office: null });
    const me = await t.login('newprep', 'long-enough-pw');
    await t.http().get('/api/auth/me').set(me.headers).expect(200);
    const entry = await lastAudit('user.create');
    expect(entry).toMatchObject({ actor: 'admin', entity_id: res.body.id });
    expect(JSON.stringify(entry.payload)).not.toContain('long-enough-pw');
  });

  it('refuses inconsistent accounts and names the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ username: 'p1', displayName: 'x', password: 'long-enough-pw', role: 'preparer' }, 'departmentCode'],
      [{ username: 'r1', displayName: 'x', password: 'long-enough-pw', role: 'reviewer', departmentCode: '019001' }, 'departmentCode'],
      [{ username: 'a1', displayName: 'x', password: 'short', role: 'admin' }, 'password'],
      [{ username: 'Bad Name', displayName: 'x', password: 'long-enough-pw', role: 'admin' }, 'username'],
      [{ username: 'p2', displayName: 'x', password: 'long-enough-pw', role: 'publisher', departmentCode: '555555' }, 'departmentCode'],
      [{ username: 'r2', displayName: 'x', password: 'long-enough-pw', role: 'reviewer', reviewScope: ['019001', '777777'] }, 'reviewScope.1'],
    ];
    for (const [body, path] of cases) {
      const res = await t.http().post('/api/users').set(admin.headers).send(body).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    await t.http().post('/api/users').set(admin.headers).send({ username: 'preparer', displayName: 'dup', password: 'long-enough-pw', role: 'admin' }).expect(409);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE username IN ('p1','r1','a1','p2','r2')`);
    expect(n).toBe(0);
  });

  it('a reviewer with assigned departments sees only those', async () => {
    const created = await t.http().post('/api/users').set(admin.headers).send({ username: 'rev3', displayName: 'x', password: 'long-enough-pw', role: 'reviewer', reviewScope: ['999001'] }).expect(201);
    expect(created.body.reviewScope).toEqual(['999001']);
    const rev = await t.login('rev3', 'long-enough-pw');
    const departments = await t.http().get('/api/departments').set(rev.headers).expect(200);
    expect(departments.body.map((d: { code: string }) => d.code)).toEqual(['999001']);
    await t.http().patch(`/api/users/${created.body.id}`).set(admin.headers).send({ reviewScope: 'all' }).expect(200);
    const all = await t.http().get('/api/departments').set(rev.headers).expect(200);
    expect(all.body.map((d: { code: string }) => d.code)).toEqual(['019001', '999001']);
  });

  it('deactivating a user or resetting the password signs them out everywhere', async () => {
    const session = await t.login('publisher2');
    await t.http().patch(`/api/users/${t.people.users.publisher2.id}`).set(admin.headers).send({ password: 'brand-new-password' }).expect(200);
    await t.http().get('/api/auth/me').set(session.headers).expect(401);
    const again = await t.login('publisher2', 'brand-new-password');
    await t.http().patch(`/api/users/${t.people.users.publisher2.id}`).set(admin.headers).send({ active: false }).expect(200);
    await t.http().get('/api/auth/me').set(again.headers).expect(401);
    await t.http().post('/api/auth/login').send({ username: 'publisher2', password: 'brand-new-password' }).expect(401);
  });

  it('only administrators manage users', async () => {
    for (const who of ['preparer', 'reviewer', 'publisher'] as const) {
      const s = await t.login(who);
      await t.http().get('/api/users').set(s.headers).expect(403);
      await t.http().post('/api/users').set(s.headers).send({}).expect(403);
    }
  });
});

describe('departments, budget units and fiscal years', () => {
  it('an administrator adds a department and a budget unit; duplicates are 409', async () => {
    const dept = await t.http().post('/api/departments').set(admin.headers).send({ code: '888001', name: '测试部门' }).expect(201);
    await t.http().post('/api/departments').set(admin.headers).send({ code: '888001', name: '又一个' }).expect(409);
    await t.http().post(`/api/departments/${dept.body.id}/units`).set(admin.headers).send({ code: '888002', name: '下属单位' }).expect(201);
    const units = await t.http().get(`/api/departments/${dept.body.id}/units`).set(admin.headers).expect(200);
    expect(units.body).toEqual([expect.objectContaining({ code: '888002', name: '下属单位', departmentId: dept.body.id })]);
    await t.http().patch(`/api/departments/${dept.body.id}`).set(admin.headers).send({ name: '改名部门' }).expect(200);
    expect((await lastAudit('department.rename')).payload).toEqual({ name: '改名部门' });
  });

  it('fiscal years are opened and closed by administrators and read by all', async () => {
    await t.http().put('/api/fiscal-years/2022').set(admin.headers).send({ status: 'open' }).expect(200, { year: 2022, status: 'open', template: 'hubei-2020' });
    await t.http().put('/api/fiscal-years/2022').set(admin.headers).send({ status: 'closed' }).expect(200, { year: 2022, status: 'closed', template: 'hubei-2020' });
    // The new year's lines have their partitions (migration 1798500000000), made once.
    const partitions = (await t.dataSource.query(
      `SELECT inhparent::regclass::text AS parent, inhrelid::regclass::text AS partition FROM pg_inherits WHERE inhrelid::regclass::text LIKE '%\\_y2022' ORDER BY 1`,
    )) as { parent: string; partition: string }[];
    expect(partitions).toEqual([
      { parent: 'expenditure_lines', partition: 'expenditure_lines_y2022' },
      { parent: 'income_lines', partition: 'income_lines_y2022' },
    ]);
    await t.http().put('/api/fiscal-years/1999').set(admin.headers).send({ status: 'open' }).expect(400);
    const preparer = await t.login('preparer');
    await t.http().put('/api/fiscal-years/2023').set(preparer.headers).send({ status: 'open' }).expect(403);
    const years = await t.http().get('/api/fiscal-years').set(preparer.headers).expect(200);
    expect(years.body).toEqual(expect.arrayContaining([{ year: 2022, status: 'closed', template: 'hubei-2020' }, { year: 2020, status: 'open', template: 'hubei-2020' }]));
  });

  it('an administrator sets the template in force for a year: the year’s new budgets print its tables', async () => {
    const bad = await t.http().put('/api/fiscal-years/2024').set(admin.headers).send({ status: 'open', template: 'guangdong' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('template');
    expect((await t.http().get('/api/fiscal-years').set(admin.headers)).body).not.toContainEqual(expect.objectContaining({ year: 2024 }));
    await t.http().put('/api/fiscal-years/2024').set(admin.headers).send({ status: 'open', template: 'shanghai-district' }).expect(200, { year: 2024, status: 'open', template: 'shanghai-district' });
    expect((await lastAudit('fiscal-year.put')).payload).toEqual({ status: 'open', template: 'shanghai-district' });
    // Closing and reopening keeps the template; it changes only when named.
    await t.http().put('/api/fiscal-years/2024').set(admin.headers).send({ status: 'closed' }).expect(200, { year: 2024, status: 'closed', template: 'shanghai-district' });
    await t.http().put('/api/fiscal-years/2024').set(admin.headers).send({ status: 'open' }).expect(200, { year: 2024, status: 'open', template: 'shanghai-district' });
    const preparer = await t.login('preparer');
    const created = await t.http().post('/api/budgets').set(preparer.headers).send({ fiscalYear: 2024 }).expect(201);
    const budget = await t.http().get(`/api/budgets/${created.body.id}`).set(preparer.headers).expect(200);
    expect(budget.body.disclosure.meta.template).toBe('shanghai-district');
    expect(budget.body.disclosure.tables.map((table: { id: string; role: string }) => [table.id, table.role])).toEqual([
      ['T1', 'income-expenditure-summary'],
      ['T2', 'income-summary'],
      ['T3', 'expenditure-summary'],
      ['T4', 'fiscal-summary'],
      ['T5', 'general-public-function'],
      ['T6', 'government-fund-function'],
      ['T7', 'soe-capital-function'],
      ['T8', 'general-public-basic-economic'],
      ['T9', 'three-public'],
    ]);
    expect(budget.body.disclosure.tables[0].title).toBe('2024年部门财务收支预算总表');
    // The year's other budgets, made before, and other years are not touched.
    const y2020 = await t.http().get('/api/fiscal-years').set(preparer.headers).expect(200);
    expect(y2020.body).toContainEqual({ year: 2020, status: 'open', template: 'hubei-2020' });
  });
});

describe('catalogue', () => {
  it('without an upload the shipped (partial) edition applies', async () => {
    const res = await t.http().get('/api/catalogue/2020/economic').set(admin.headers).expect(200);
    expect(res.body).toMatchObject({ fiscalYear: 2020, kind: 'economic', source: 'built-in', editionId: null, completeness: 'partial' });
    expect(res.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ code: '30101', level: 'section', parentCode: '301' })]));
  });

  it('an upload is audited, and is not in force until confirmed (catalogue-upload.spec.ts follows it further)', async () => {
    const lists = { functional: 'code,name\n201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n', economic: 'code,name\n301,工资福利支出\n30101,基本工资\n' };
    const res = await t.http().post('/api/catalogue/2021/uploads').set(admin.headers).send(lists).expect(201);
    expect((await lastAudit('catalogue.upload')).payload).toEqual({ year: 2021, counts: { functional: 2, economic: 2, governmentEconomic: 0, economicMapping: 0 } });
    expect((await lastAudit('catalogue.upload')).entity_id).toBe(res.body.uploadId);
    expect((await t.http().get('/api/catalogue/2021/economic').set(admin.headers).expect(200)).body.source).toBe('built-in');
  });

  it('a year with neither a shipped edition nor an upload is 404', async () => {
    await t.http().get('/api/catalogue/2001/economic').set(admin.headers).expect(404);
  });
});

describe('audit chain check over HTTP', () => {
  it('the auditor sees the chain intact after all of the above; nobody else may ask, the system administrator neither', async () => {
    const auditor = await t.login('auditor');
    const res = await t.http().get('/api/audit/verify').set(auditor.headers).expect(200);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(res.body).toEqual({ ok: true, checked: n });
    expect(n).toBeGreaterThan(20);
    const reviewer = await t.login('reviewer');
    await t.http().get('/api/audit/verify').set(reviewer.headers).expect(403);
    expect((await t.http().get('/api/audit/verify').set(admin.headers).expect(403)).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});
