import { catalogueForYear, editionOf, type TFinding } from '@budgetflow/domain';
import ExcelJS from 'exceljs';
import { createSeededBudget, type TBudgetRef } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ADDED = '2010308'; // under 20103, which the shipped 2021 edition has; the code itself it lacks
const REMOVED = '2010399'; // in the shipped 2021 edition, not in the upload
const RENAMED = '20805';

let t: TTestApp;
let admin: TSignedIn;
let preparer: TSignedIn;
let budget2021: TBudgetRef;
let budget2020: TBudgetRef;

/** The official lists of 2021 as an administrator would upload them: the shipped codes, one added, one removed, one renamed, a 对照表 of its own. */
function officialLists(): Record<string, string> {
  const shipped = editionOf(catalogueForYear(2021));
  const csv = (rows: { code: string; name: string }[]) => ['科目编码,科目名称', ...rows.map((r) => `${r.code},${r.name}`), ''].join('\n');
  const functional = [...shipped.functional.filter((e) => e.code !== REMOVED), { code: ADDED, name: '信访事务' }]
    .map((e) => (e.code === RENAMED ? { ...e, name: '行政事业单位养老支出（2021）' } : e))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    functional: csv(functional),
    economic: csv(shipped.economic),
    governmentEconomic: csv([...shipped.governmentEconomic, { code: '505', name: '对事业单位经常性补助' }, { code: '50501', name: '工资福利支出' }]),
    economicMapping: ['dept_code,gov_code', '301,501', '30101,50501', '30102,50101', ''].join('\n'),
  };
}

async function findings(ref: TBudgetRef): Promise<TFinding[]> {
  return (await t.http().get(`/api/budgets/${ref.id}`).set(preparer.headers).expect(200)).body.findings as TFinding[];
}

async function addLine(ref: TBudgetRef, id: string, functionCode: string): Promise<number> {
  const { body } = await t.http().get(`/api/budgets/${ref.id}`).set(preparer.headers).expect(200);
  const line = { id, unitCode: '019001', functionCode, economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation', amount: '0.00' };
  const res = await t.http().patch(`/api/budgets/${ref.id}/lines`).set(preparer.headers).send({ version: body.version, upsertExpenditure: [line] });
  return res.status;
}

const count = async (table: string): Promise<number> => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as [{ n: number }])[0].n;
const onLine = (lineId: string) => (f: TFinding) => f.location.kind === 'line' && f.location.lineId === lineId;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  preparer = await t.login('preparer');
  budget2021 = await createSeededBudget(t, preparer, 2021);
  budget2020 = await createSeededBudget(t, preparer, 2020);
  expect(await addLine(budget2021, 'NEW', ADDED)).toBe(200);
  expect(await addLine(budget2021, 'OLD', REMOVED)).toBe(200);
  expect(await addLine(budget2020, 'NEW', ADDED)).toBe(200);
});
afterAll(() => t.close());

describe('an administrator’s catalogue upload: preview, confirm, in force for its year only', () => {
  let uploadId: string;

  it('before: against the shipped (partial) edition a code it lacks under a known 款 is a warning asking for its name', async () => {
    const before = await findings(budget2021);
    expect(before.filter(onLine('NEW')).map((f) => [f.ruleId, f.severity])).toEqual([['CODE.FUNCTION_NOT_IN_PARTIAL', 'warning']]);
    expect(before.filter(onLine('OLD'))).toEqual([]);
    const edition = await t.http().get('/api/catalogue/2021').set(preparer.headers).expect(200);
    expect(edition.body).toMatchObject({ fiscalYear: 2021, source: 'built-in', completeness: 'partial', uploadId: null });
  });

  it('an upload is stored, not in force, and answers what it changes against the edition in force', async () => {
    const res = await t.http().post('/api/catalogue/2021/uploads').set(admin.headers).send(officialLists()).expect(201);
    uploadId = res.body.uploadId;
    expect(res.body).toMatchObject({ fiscalYear: 2021, confirmed: false, against: { source: 'built-in', uploadId: null, completeness: 'partial' } });
    const functional = res.body.changes.lists.find((l: { list: string }) => l.list === 'functional');
    expect(functional).toEqual({
      list: 'functional',
      added: [{ code: ADDED, name: '信访事务' }],
      renamed: [{ code: RENAMED, from: '行政事业单位养老支出', to: '行政事业单位养老支出（2021）' }],
      removed: [{ code: REMOVED, name: '其他政府办公厅（室）及相关机构事务支出' }],
    });
    expect(res.body.changes.mapping).toEqual(expect.arrayContaining([{ departmentCode: '30101', from: ['50101'], to: ['50501'] }]));
    const again = await t.http().get(`/api/catalogue/2021/uploads/${uploadId}`).set(admin.headers).expect(200);
    expect(again.body.changes).toEqual(res.body.changes);
    // not in force yet
    expect((await t.http().get('/api/catalogue/2021').set(preparer.headers).expect(200)).body.source).toBe('built-in');
    expect((await findings(budget2021)).filter(onLine('NEW')).map((f) => f.ruleId)).toEqual(['CODE.FUNCTION_NOT_IN_PARTIAL']);
    const [audit] = await t.dataSource.query(`SELECT actor, entity_id, payload FROM audit_log WHERE action = 'catalogue.upload' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ actor: 'admin', entity_id: uploadId, payload: { year: 2021 } });
  });

  it('confirmed, it is complete and in force: the added code validates clean, the removed one is an error, new writes of it are refused', async () => {
    const res = await t.http().post(`/api/catalogue/2021/uploads/${uploadId}/confirm`).set(admin.headers).expect(200);
    expect(res.body).toEqual({ uploadId, fiscalYear: 2021, confirmedAt: expect.any(String) });
    const after = await findings(budget2021);
    expect(after.filter(onLine('NEW'))).toEqual([]);
    expect(after.filter(onLine('OLD')).map((f) => [f.ruleId, f.severity, f.message.en])).toEqual([
      ['CODE.UNKNOWN_FUNCTION', 'error', `functional code ${REMOVED} is not in the 2021 catalogue`],
    ]);
    // derivation follows too: 表5 prints the uploaded name
    const read = await t.http().get(`/api/budgets/${budget2021.id}`).set(preparer.headers).expect(200);
    const t5 = read.body.disclosure.tables.find((table: { id: string }) => table.id === 'T5');
    expect(t5.rows.find((r: { code?: string }) => r.code === RENAMED).name).toBe('行政事业单位养老支出（2021）');
    // lines carry the 政府 code the uploaded 对照表 maps their 部门 款 to
    const lines = read.body.lines.expenditure.items as { economicCode: string; governmentEconomicCode?: string }[];
    expect(lines.find((l) => l.economicCode === '30102')?.governmentEconomicCode).toBe('50101');
    expect(lines.find((l) => l.economicCode === '30201')?.governmentEconomicCode).toBeUndefined();
    expect(await addLine(budget2021, 'OLD2', REMOVED)).toBe(400);
    const edition = await t.http().get('/api/catalogue/2021').set(preparer.headers).expect(200);
    expect(edition.body).toMatchObject({ source: 'upload', uploadId, completeness: 'complete' });
    expect(edition.body.functional).toContainEqual({ code: ADDED, name: '信访事务' });
    const [audit] = await t.dataSource.query(`SELECT actor, payload FROM audit_log WHERE action = 'catalogue.confirm' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ actor: 'admin', payload: expect.objectContaining({ year: 2021, replaces: 'shipped', changed: expect.objectContaining({ functional: { added: 1, renamed: 1, removed: 1 } }) }) });
  });

  it('the other year is unaffected', async () => {
    expect((await findings(budget2020)).filter(onLine('NEW')).map((f) => f.ruleId)).toEqual(['CODE.FUNCTION_NOT_IN_PARTIAL']);
    expect((await t.http().get('/api/catalogue/2020').set(preparer.headers).expect(200)).body).toMatchObject({ source: 'built-in', completeness: 'partial' });
    const read = await t.http().get(`/api/budgets/${budget2020.id}`).set(preparer.headers).expect(200);
    const lines = read.body.lines.expenditure.items as { economicCode: string; governmentEconomicCode?: string }[];
    expect(lines.find((l) => l.economicCode === '30101')?.governmentEconomicCode).toBe('50101'); // the shipped partial 对照表
  });

  it('confirming twice is a conflict; the preview of a confirmed upload says so', async () => {
    await t.http().post(`/api/catalogue/2021/uploads/${uploadId}/confirm`).set(admin.headers).expect(409);
    expect((await t.http().get(`/api/catalogue/2021/uploads/${uploadId}`).set(admin.headers).expect(200)).body.confirmed).toBe(true);
    await t.http().post(`/api/catalogue/2020/uploads/${uploadId}/confirm`).set(admin.headers).expect(404); // another year's upload
  });

  it('reads the lists from an .xlsx with one sheet per list', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [name, csv] of [['支出功能分类', officialLists().functional], ['部门经济分类', officialLists().economic]] as const) {
      const sheet = workbook.addWorksheet(name);
      for (const line of csv!.split('\n').filter((l) => l !== '')) sheet.addRow(line.split(','));
    }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await t.http().post('/api/catalogue/2021/uploads').set(admin.headers).set('Content-Type', XLSX).send(bytes).expect(201);
    expect(res.body).toMatchObject({ confirmed: false, against: { source: 'upload', uploadId, completeness: 'complete' }, counts: { governmentEconomic: 0, economicMapping: 0 } });
    expect(res.body.counts.functional).toBeGreaterThan(100);
  });
});

describe('refusals change nothing', () => {
  it('non-administrators get 403 on upload, preview and confirm', async () => {
    const before = [await count('catalogue_uploads'), await count('catalogue_confirmations')];
    const [upload] = (await t.dataSource.query(`SELECT id FROM catalogue_uploads LIMIT 1`)) as [{ id: string }];
    for (const name of ['preparer', 'reviewer', 'publisher'] as const) {
      const who = await t.login(name);
      await t.http().post('/api/catalogue/2021/uploads').set(who.headers).send(officialLists()).expect(403);
      await t.http().get(`/api/catalogue/2021/uploads/${upload.id}`).set(who.headers).expect(403);
      await t.http().post(`/api/catalogue/2021/uploads/${upload.id}/confirm`).set(who.headers).expect(403);
    }
    expect([await count('catalogue_uploads'), await count('catalogue_confirmations')]).toEqual(before);
  });

  it('a bad CSV is 400 naming list, line, field and reason, and stores and audits nothing', async () => {
    const before = [await count('catalogue_uploads'), await count('audit_log')];
    const bad = { ...officialLists(), functional: 'code,name\n201,一般公共服务支出\n20199,\n2019901,孤儿项\nabc,坏\n', economicMapping: 'dept_code,gov_code\n30101,59999\n' };
    const res = await t.http().post('/api/catalogue/2021/uploads').set(admin.headers).send(bad).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'functional.line 3.name', message: 'code 20199 has an empty name' },
        { path: 'functional.line 5.code', message: expect.stringContaining('must be 3, 5, 7 digits') },
      ]),
    );
    const mapping = await t.http().post('/api/catalogue/2021/uploads').set(admin.headers).send({ ...officialLists(), economicMapping: 'dept_code,gov_code\n30101,59999\n' }).expect(400);
    expect(mapping.body.errors).toEqual([{ path: 'economic-mapping.entry 1 (30101 → 59999).gov_code', message: '政府 economic code 59999 is not in the government-economic list' }]);
    await t.http().post('/api/catalogue/2021/uploads').set(admin.headers).send({ functional: 'code,name\n201,x\n' }).expect(400); // no economic list
    await t.http().post('/api/catalogue/2035/uploads').set(admin.headers).send(officialLists()).expect(400); // year not declared
    await t.http().post('/api/catalogue/2021/uploads').set(admin.headers).set('Content-Type', XLSX).send(Buffer.from('not a workbook')).expect(400);
    expect([await count('catalogue_uploads'), await count('audit_log')]).toEqual(before);
  });
});
