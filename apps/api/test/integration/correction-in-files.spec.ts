import { PUBLISHED_HTML_CSP } from '@budgetflow/domain';
import ExcelJS from 'exceljs';
import { pdfText } from '../../src/modules/reports/check/pdf-text';
import { APPROVAL, createSeededBudget, signIn } from '../e2e/budget-test-kit';
import { binary } from '../utils/binary-body';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

interface TPublic {
  files: { name: string; url: string }[];
}

/** A 更正's reason naming another year and a table: the department's words, not a heading the check should refuse. */
const REASON = '2019年结转资金未列入表三，予以更正';

/**
 * 更正说明 inside the files, over HTTP on PostgreSQL: a corrected version's PDF says on its first page
 * which version it is, what it corrects and why, and its workbook and its HTML open on the same
 * words; the files of version 1 say nothing of the kind.
 */
describe('a correction in its own PDF, workbook and HTML', () => {
  let t: TTestApp;
  let u: Record<'preparer' | 'reviewer' | 'publisher', TSignedIn>;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'preparer', 'reviewer', 'publisher');
  });
  afterAll(() => t.close());

  const act = (who: TSignedIn, id: string, action: string, body: object = {}) => t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(body);
  const publish = async (id: string) => ((await act(u.publisher, id, 'publish').expect(200)).body.publication as { id: string; versionNo: number });
  const served = async (publicationId: string, name: string) => {
    const { files } = (await t.http().get(`/api/public/disclosures/${publicationId}`).expect(200)).body as TPublic;
    const file = files.find((f) => f.name === name);
    if (file === undefined) throw new Error(`${name} is not among the files of ${publicationId}`);
    return t.http().get(file.url).buffer(true).parse(binary).expect(200);
  };
  const download = async (publicationId: string, name: string): Promise<Buffer> => (await served(publicationId, name)).body as Buffer;
  const firstSheet = async (xlsx: Buffer): Promise<ExcelJS.Worksheet> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    return workbook.worksheets[0] as ExcelJS.Worksheet;
  };

  it('prints the 更正说明 before 表一 in the PDF of version 2, on the first sheet of its workbook and under the title of its HTML, and none in version 1', async () => {
    const { id } = await createSeededBudget(t, u.preparer, 2020);
    await act(u.preparer, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', APPROVAL).expect(200);
    const v1 = await publish(id);
    await act(u.publisher, id, 'revise', { reason: REASON }).expect(200);
    await act(u.preparer, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', { opinion: '同意更正' }).expect(200);
    const v2 = await publish(id);
    expect(v2.versionNo).toBe(2);

    // The day version 1 was published, as the bureau's calendar and a printed document write it.
    const [{ day }] = await t.dataSource.query(`SELECT to_char(published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY"年"FMMM"月"FMDD"日"') AS day FROM publications WHERE id = $1`, [v1.id]);
    const statement = `本公开为第2版，更正第1版（公开于${day}）。更正理由：${REASON}`;

    const pages = (await pdfText(await download(v2.id, 'disclosure.pdf'))).split('\f');
    const cover = (pages[0] ?? '').replace(/\s+/g, '');
    expect(cover).toContain('更正说明');
    expect(cover).toContain(statement);
    // before 表一: no page ahead of it names a table's heading
    const tableOne = pages.findIndex((p) => /表一/.test(p));
    expect(tableOne).toBeGreaterThan(0);
    const sheet = await firstSheet(await download(v2.id, 'disclosure.xlsx'));
    expect(sheet.name).toBe('更正说明');
    expect(sheet.getCell(2, 1).value).toBe(statement);
    // The printable HTML too, under its title and before its 目录; served with the published files' policy.
    const page = await served(v2.id, 'disclosure.html');
    expect(page.headers['content-security-policy']).toBe(`${PUBLISHED_HTML_CSP}; frame-ancestors 'none'; sandbox`);
    const html = (page.body as Buffer).toString('utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PUBLISHED_HTML_CSP}">`);
    const notice = html.indexOf(`<h2 id="correction-title">更正说明</h2><p>${statement}</p>`);
    expect(notice).toBeGreaterThan(html.indexOf('</h1>'));
    expect(notice).toBeLessThan(html.indexOf('<h2>目录</h2>'));

    const v1Text = await pdfText(await download(v1.id, 'disclosure.pdf'));
    expect(v1Text).not.toContain('更正');
    expect(v1Text.replace(/\s+/g, '')).not.toContain('本公开为第');
    expect((await firstSheet(await download(v1.id, 'disclosure.xlsx'))).name).toMatch(/^表1 /);
    const v1Html = (await download(v1.id, 'disclosure.html')).toString('utf8');
    expect(v1Html).not.toContain('更正');
    expect(v1Html).not.toContain('本公开为第');
  }, 240_000);
});
