import ExcelJS from 'exceljs';
import { XLSX_MEDIA_TYPE } from '../../src/modules/budgets/workbook-body';
import { seedDocument, type TBudgetRef } from '../e2e/budget-test-kit';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { budgetAuditTrail } from '../utils/audit-trail';
import { binary } from '../utils/binary-body';
import { openSeededBudgetApp } from '../utils/seeded-budget-app';

describe('the workbook round trip over HTTP', () => {
  let t: TTestApp;
  let preparer: TSignedIn;
  let reviewer: TSignedIn;
  let budget: TBudgetRef;

  beforeAll(async () => {
    ({ t, budget, people: { preparer, reviewer } } = await openSeededBudgetApp('reviewer'));
  });
  afterAll(() => t.close());

  const download = async (who: TSignedIn) => {
    const res = await t.http().get(`/api/budgets/${budget.id}/workbook`).set(who.headers).buffer(true).parse(binary as never).expect(200);
    expect(res.headers['content-type']).toBe(XLSX_MEDIA_TYPE);
    return { bytes: res.body as Buffer, etag: String(res.headers['etag']) };
  };

  it('exports the template, takes it back with an amount changed, and shows the change', async () => {
    const { bytes, etag } = await download(preparer);
    expect(etag).toBe(`"${budget.version}"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('支出');
    expect(sheet?.getRow(2).getCell(1).value).toBe('L001');
    sheet!.getRow(2).getCell(8).value = 12345.67;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());

    const put = await t.http().put(`/api/budgets/${budget.id}/workbook`).set(preparer.headers).set('If-Match', etag).set('Content-Type', XLSX_MEDIA_TYPE).send(edited);
    expect([put.status, put.text]).toEqual([200, expect.any(String)]);
    expect(put.headers['etag']).toBe(`"${budget.version + 1}"`);

    const doc = await t.http().get(`/api/budgets/${budget.id}/document`).set(preparer.headers).expect(200);
    const lines = (doc.body as ReturnType<typeof seedDocument>).expenditureLines;
    expect(lines.find((l) => l.id === 'L001')?.amount).toBe('12345.67');
    // Everything else is as it was: the other lines and the income.
    const seed = seedDocument();
    expect(lines.filter((l) => l.id !== 'L001')).toEqual(seed.expenditureLines.filter((l) => l.id !== 'L001'));
    expect((doc.body as ReturnType<typeof seedDocument>).incomeLines).toEqual(seed.incomeLines);

    const last = (await budgetAuditTrail(t, budget.id)).at(-1);
    expect(last).toMatchObject({ action: 'budget.document.import', actor: 'preparer', payload: { toVersion: budget.version + 1 } });
    budget = { id: budget.id, version: budget.version + 1 };

    // The workbook is made once per version: the one downloaded now is of the new version.
    const again = await download(preparer);
    expect(again.etag).toBe(`"${budget.version}"`);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(again.bytes as unknown as ArrayBuffer);
    expect(reread.getWorksheet('支出')?.getRow(2).getCell(8).value).toBe(12345.67);
  }, 120_000);

  it('refuses a bad cell naming its sheet, row and field, and keeps the version', async () => {
    const { bytes, etag } = await download(preparer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    workbook.getWorksheet('支出')!.getRow(3).getCell(8).value = 'twelve';
    const res = await t
      .http()
      .put(`/api/budgets/${budget.id}/workbook`)
      .set(preparer.headers)
      .set('If-Match', etag)
      .set('Content-Type', XLSX_MEDIA_TYPE)
      .send(Buffer.from(await workbook.xlsx.writeBuffer()))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((res.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['支出.3.amount']);
    const after = await t.http().get(`/api/budgets/${budget.id}`).set(preparer.headers).expect(200);
    expect(after.headers['etag']).toBe(etag);
  });

  it('is a zip for everyone who sees the draft, and imported only by its preparer', async () => {
    const { bytes } = await download(preparer);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // A reviewer does not see a draft at all, and may never import.
    await t.http().get(`/api/budgets/${budget.id}/workbook`).set(reviewer.headers).expect(404);
    await t.http().put(`/api/budgets/${budget.id}/workbook`).set(reviewer.headers).set('If-Match', `"${budget.version}"`).set('Content-Type', XLSX_MEDIA_TYPE).send(bytes).expect(403);
  });
});
