import ExcelJS from 'exceljs';
import type { TBudgetDocument } from '@budgetflow/domain';
import { XLSX_MEDIA_TYPE } from '../../src/modules/budgets/workbook-body';
import type { TWorkbookPreview } from '../../src/modules/budgets/workbook-import.service';
import { seedDocument, signIn, type TBudgetRef } from '../e2e/budget-test-kit';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { budgetAuditTrail } from '../utils/audit-trail';
import { binary } from '../utils/binary-body';
import { openSeededBudgetApp } from '../utils/seeded-budget-app';

describe('a workbook import through its preview', () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let budget: TBudgetRef;

  beforeAll(async () => {
    ({ t, budget, people: { preparer } } = await openSeededBudgetApp());
  });
  afterAll(() => t.close());

  const edited = async (change: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> => {
    const res = await t.http().get(`/api/budgets/${budget.id}/workbook`).set(preparer.headers).buffer(true).parse(binary as never).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    change(workbook.getWorksheet('支出')!, workbook);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };
  const preview = (bytes: Buffer) => t.http().post(`/api/budgets/${budget.id}/workbook/previews`).set(preparer.headers).set('Content-Type', XLSX_MEDIA_TYPE).send(bytes);
  const confirm = (previewId: string) => t.http().post(`/api/budgets/${budget.id}/workbook/previews/${previewId}/confirm`).set(preparer.headers);
  const documentNow = async () => (await t.http().get(`/api/budgets/${budget.id}/document`).set(preparer.headers).expect(200)).body as TBudgetDocument;

  it('previews a workbook written with Chinese values, changes nothing, and applies it on confirm', async () => {
    const seed = seedDocument();
    const removedId = seed.expenditureLines[1]!.id;
    const bytes = await edited((sheet, workbook) => {
      expect(sheet.getCell('A2').value).toBe('L001');
      workbook.getWorksheet('项目')!.getCell('G2').value = '王五'; // the project's 负责人
      workbook.getWorksheet('项目绩效指标')!.spliceRows(2, 1);
      workbook.getWorksheet('部门职能')!.getCell('A2').value = '负责全区大数据发展规划。';
      sheet.getCell('H2').value = '12,345.67';
      sheet.spliceRows(3, 1); // the second line
      const row = sheet.addRow([null, sheet.getCell('B2').value, sheet.getCell('C2').value, sheet.getCell('D2').value, '公用经费', null, '经费拨款（补助）', { formula: '100*2', result: 200 }, '导入新增']);
      expect(row.number).toBe(seed.expenditureLines.length + 1);
    });
    const res = await preview(bytes);
    expect([res.status, res.text]).toEqual([201, expect.any(String)]);
    const shown = res.body as TWorkbookPreview;
    expect(shown.baseVersion).toBe(budget.version);
    expect({ added: shown.expenditure.added, removed: shown.expenditure.removed, changed: shown.expenditure.changed }).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(shown.expenditure.changedLines[0]).toMatchObject({ id: 'L001', fields: ['amount'], after: { amount: '12345.67' } });
    expect(shown.expenditure.removedLines.map((l) => l.id)).toEqual([removedId]);
    expect(shown.expenditure.addedLines[0]).toMatchObject({ kind: 'basic-public', fundSource: 'general-budget-appropriation', amount: '200.00', note: '导入新增' });
    expect(shown.income).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(shown.otherParts).toEqual(['functions']);
    expect(shown.projects).toMatchObject({ added: 0, removed: 0, changed: 1, changedLines: [{ id: seed.projects[0]!.id, fields: ['indicators', 'leader'] }] });
    expect(shown.findings).toEqual(expect.any(Array));
    expect(shown.errorCount).toBe(shown.findings.filter((f) => (f as { severity?: string }).severity === 'error').length);

    // Nothing changed before the confirm.
    expect((await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers).expect(200)).headers['etag']).toBe(`"${budget.version}"`);
    expect((await documentNow()).expenditureLines).toEqual(seed.expenditureLines);

    const done = await confirm(shown.previewId);
    expect([done.status, done.body]).toEqual([200, { id: budget.id, version: budget.version + 1 }]);
    const lines = (await documentNow()).expenditureLines;
    expect(lines.find((l) => l.id === 'L001')?.amount).toBe('12345.67');
    expect(lines.some((l) => l.id === removedId)).toBe(false);
    expect(lines.find((l) => l.note === '导入新增')?.id).toMatch(/^x-/);
    const after = await documentNow();
    expect([after.projects[0]?.leader, after.projects[0]?.indicators]).toEqual(['王五', seed.projects[0]!.indicators.slice(1)]);
    expect(after.department.functions).toEqual(['负责全区大数据发展规划。', ...seed.department.functions.slice(1)]);
    expect((await budgetAuditTrail(t, budget.id)).at(-1)).toMatchObject({ action: 'budget.workbook.import', actor: 'preparer' });
    budget = { id: budget.id, version: budget.version + 1 };
    // A preview is used once.
    await confirm(shown.previewId).expect(404);
  });

  it('refuses bad cells naming the sheet, row and column with the reason in Chinese', async () => {
    const bytes = await edited((sheet) => {
      sheet.getCell('H3').value = '十二元';
      sheet.getCell('E4').value = '差旅费';
      sheet.getCell('D5').value = '999';
    });
    const res = await preview(bytes).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const errors = (res.body as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path)).toEqual(['支出.3.amount', '支出.4.kind', '支出.5.economicCode']);
    expect(errors[0]!.message).toBe('「支出」表第 3 行「金额（元）」列：不是金额：「十二」');
    expect(errors[1]!.message).toMatch(/^「支出」表第 4 行「支出类型」列：支出类型须为 人员经费、公用经费 或 项目/);
    expect(errors[2]!.message).toMatch(/^「支出」表第 5 行「经济科目」列：/);
    expect((await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers).expect(200)).headers['etag']).toBe(`"${budget.version}"`);
  });

  it('refuses (409) to confirm a preview of a budget that changed since', async () => {
    const bytes = await edited((sheet) => void (sheet.getCell('H2').value = 1));
    const shown = (await preview(bytes).expect(201)).body as TWorkbookPreview;
    // Meanwhile the budget moves on (here: the same template imported at once).
    await t.http().put(`/api/budgets/${budget.id}/workbook`).set(preparer.headers).set('If-Match', `"${budget.version}"`).set('Content-Type', XLSX_MEDIA_TYPE).send(await edited(() => undefined)).expect(200);
    const stale = await confirm(shown.previewId);
    expect(stale.status).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await documentNow()).expenditureLines.find((l) => l.id === 'L001')?.amount).toBe('12345.67');
  });

  describe('the 预算单位, 人员构成, 上年数, 变动原因 and 其他说明 sheets', () => {
    const cellOf = (workbook: ExcelJS.Workbook, name: string, first: string, column: number): ExcelJS.Cell => {
      const sheet = workbook.getWorksheet(name)!;
      let found: ExcelJS.Cell | undefined;
      sheet.eachRow((row) => {
        if (found === undefined && row.getCell(1).value === first) found = row.getCell(column);
      });
      if (found === undefined) throw new Error(`no row ${first} in ${name}`);
      return found;
    };

    it('previews the budget exported and imported unchanged as no change at all', async () => {
      const shown = (await preview(await edited(() => undefined)).expect(201)).body as TWorkbookPreview;
      expect(shown.otherParts).toEqual([]);
      for (const part of [shown.expenditure, shown.income, shown.projects]) expect(part).toMatchObject({ added: 0, removed: 0, changed: 0 });
    });

    it('names each part an edited cell changes, and the confirm changes exactly those fields', async () => {
      const before = await documentNow();
      const bytes = await edited((_, workbook) => {
        cellOf(workbook, '预算单位', before.department.units[0]!.code, 4).value = '事业单位';
        cellOf(workbook, '人员构成', '离退休人员', 3).value = 3;
        workbook.getWorksheet('上年数')!.getCell('D2').value = 2800000; // 2019's 收支总计
        cellOf(workbook, '变动原因', '财政拨款变动原因', 3).value = '新设机构。';
        cellOf(workbook, '其他说明', '预算绩效管理情况', 3).value = '全面实施预算绩效管理。';
      });
      const shown = (await preview(bytes).expect(201)).body as TWorkbookPreview;
      expect(shown.otherParts).toEqual(['units', 'staffing', 'priorYears', 'changeReasons', 'otherMatters']);
      expect(shown.expenditure).toMatchObject({ added: 0, removed: 0, changed: 0 });
      expect((await documentNow())).toEqual(before);
      await confirm(shown.previewId).expect(200);
      const [unit, ...others] = before.department.units;
      const [year, ...earlier] = before.priorYears;
      expect(await documentNow()).toEqual({
        ...before,
        department: { ...before.department, units: [{ ...unit, category: 'institution' }, ...others], staffing: { ...before.department.staffing, retired: 3 } },
        priorYears: [{ ...year, total: '2800000.00' }, ...earlier],
        explanations: { ...before.explanations, fiscalChangeReason: '新设机构。', performanceManagement: '全面实施预算绩效管理。' },
      });
    });

    it('keeps the part whose sheet was taken out', async () => {
      const before = await documentNow();
      const bytes = await edited((_, workbook) => {
        workbook.removeWorksheet(workbook.getWorksheet('上年数')!.id);
        cellOf(workbook, '人员构成', '离退休人员', 3).value = 4;
      });
      const shown = (await preview(bytes).expect(201)).body as TWorkbookPreview;
      expect(shown.otherParts).toEqual(['staffing']);
      await confirm(shown.previewId).expect(200);
      const after = await documentNow();
      expect(after).toEqual({ ...before, department: { ...before.department, staffing: { ...before.department.staffing, retired: 4 } } });
      expect(after.priorYears).toEqual(before.priorYears);
    });

    it('refuses (400) a bad cell of a new sheet, naming its sheet, row and column, and changes nothing', async () => {
      const version = (await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers).expect(200)).headers['etag'];
      const bytes = await edited((_, workbook) => {
        workbook.getWorksheet('预算单位')!.getCell('C2').value = '三级单位';
        cellOf(workbook, '人员构成', '编制人数', 3).value = '十八';
      });
      const res = await preview(bytes).expect(400);
      const errors = (res.body as { errors: { path: string; message: string }[] }).errors;
      expect(errors).toEqual([
        { path: '预算单位.2.level', message: '「预算单位」表第 2 行「级次」列：没有级次「三级单位」' },
        { path: '人员构成.2.count', message: '「人员构成」表第 2 行「人数」列：须为不小于 0 的整数：「十八」' },
      ]);
      expect((await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers).expect(200)).headers['etag']).toBe(version);
    });
  });

  it('names the preview and confirm routes in OpenAPI', async () => {
    const paths = ((await t.http().get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> }).paths;
    expect(Object.keys(paths['/api/budgets/{id}/workbook/previews'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/api/budgets/{id}/workbook/previews/{previewId}/confirm'] ?? {})).toEqual(['post']);
    expect(JSON.stringify(paths['/api/budgets/{id}/workbook/previews'])).toContain('"enum":["units","staffing","functions","performanceIndicators","priorYears","changeReasons","otherMatters"]');
  });

  it('keeps a preview to the person who made it', async () => {
    const { preparer2 } = await signIn(t, 'preparer2');
    const shown = (await preview(await edited(() => undefined)).expect(201)).body as TWorkbookPreview;
    await t.http().post(`/api/budgets/${budget.id}/workbook/previews/${shown.previewId}/confirm`).set(preparer2.headers).expect(404);
    await t.http().post(`/api/budgets/${budget.id}/workbook/previews`).set(preparer2.headers).set('Content-Type', XLSX_MEDIA_TYPE).send(await edited(() => undefined)).expect(404);
  });
});
