import { ensureWebBuilt } from '../../../../test/e2e/support/web-build';
import { APPROVAL, createSeededBudget, signIn } from '../e2e/budget-test-kit';
import { publishCopy } from '../utils/published-copies';
import { createTestApp, type TTestApp } from '../utils/test-app';

/** The text between <noscript> and </noscript> of a served page, or undefined. */
const noscriptOf = (html: string) => /<noscript>([\s\S]*)<\/noscript>/.exec(html)?.[1];
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? '').replaceAll('&#38;', '&'));

/**
 * The portal read without script: the shell the API serves for /portal/… carries links to what was
 * published (the seed's 2020 budget, published through the workflow, and a department whose name is
 * markup), each answering the readable page; a draft is never listed.
 */
describe('the portal without script', () => {
  let t: TTestApp;
  let published: string;
  let budgetId: string;

  beforeAll(async () => {
    // The middleware serves the built client only: build it as the browser stories do.
    ensureWebBuilt();
    t = await createTestApp();
    const { preparer, reviewer, publisher } = await signIn(t, 'preparer', 'reviewer', 'publisher');
    const { id, version } = await createSeededBudget(t, preparer);
    budgetId = id;
    await t.http().post(`/api/budgets/${id}/submit`).set(preparer.headers).send({ version }).expect(200);
    await t.http().post(`/api/budgets/${id}/approve`).set(reviewer.headers).send(APPROVAL).expect(200);
    const res = await t.http().post(`/api/budgets/${id}/publish`).set(publisher.headers).expect(200);
    published = (res.body as { publication: { id: string } }).publication.id;
    await publishCopy(t.dataSource, published, {
      departmentCode: '020001',
      departmentName: '<script>alert(1)</script>档案&馆',
      fiscalYear: 2021,
    });
  });
  afterAll(() => t.close());

  it("gives a disclosure's page its name as title and links to its web version and PDF, which open as pages", async () => {
    const page = await t.http().get(`/portal/${published}`).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const department: { name: string }[] = await t.dataSource.query(
      `SELECT d.name FROM budgets b JOIN departments d ON d.id = b.department_id WHERE b.id = $1`,
      [budgetId],
    );
    const name = department[0]?.name ?? '';
    expect(page.text).toContain(`<title>${name} 2020年部门预算（第1版）</title>`);
    const block = noscriptOf(page.text) ?? '';
    expect(block).toContain(`${name} 2020年部门预算（第1版，网页版全文）</a>`);

    const files = (await t.http().get(`/api/public/disclosures/${published}`).expect(200)).body as {
      files: { name: string; url: string }[];
    };
    const urlOf = (file: string) => `${files.files.find((f) => f.name === file)?.url}?view=inline`;
    expect(hrefs(block)).toEqual(expect.arrayContaining([urlOf('disclosure.html'), urlOf('disclosure.pdf')]));

    const html = await t.http().get(urlOf('disclosure.html')).expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-disposition']).toMatch(/^inline; /);
    expect(html.text).toContain('<table');
    const pdf = await t.http().get(urlOf('disclosure.pdf')).expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    // Asked as before, a file is still a download.
    const download = await t
      .http()
      .get(files.files.find((f) => f.name === 'disclosure.html')?.url ?? '')
      .expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('refuses a way of answering a file it does not know, with the field', async () => {
    const res = await t.http().get(`/api/public/disclosures/${published}`).expect(200);
    const url = (res.body as { files: { url: string }[] }).files[0]?.url ?? '';
    const bad = await t.http().get(`${url}?view=frame`).expect(400);
    expect(JSON.stringify(bad.body)).toContain('view');
  });

  it('lists every published disclosure on the portal pages, newest year first, escaping their names', async () => {
    for (const route of ['/portal', '/portal/compare', '/portal?page=1', '/']) {
      const res = await t.http().get(route).expect(200);
      const block = noscriptOf(res.text) ?? '';
      expect(block).not.toContain('<script');
      expect(block).toContain('&#60;script&#62;alert(1)&#60;/script&#62;档案&#38;馆 2021年部门预算（第1版）');
      // The copy has no files: named, not linked; the seed's 2020 budget is linked, after 2021.
      expect(block.indexOf('2021年')).toBeLessThan(block.indexOf('2020年'));
      expect(hrefs(block).filter((h) => h.startsWith('/api/public/files/'))).toHaveLength(2);
      expect(res.text.match(/<script/g)).toHaveLength(1);
    }
    const past = noscriptOf((await t.http().get('/portal?page=2').expect(200)).text) ?? '';
    expect(past).toContain('本页没有预算');
  });

  it('answers 404 with the list for a publication id nobody published, or one that is no id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id', budgetId]) {
      const res = await t.http().get(`/portal/${id}`).expect(404);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.text).toContain('<title>部门预算编制与公开</title>');
      expect(noscriptOf(res.text)).toContain('部门预算公开');
    }
  });

  it('leaves the desks as they were', async () => {
    const res = await t.http().get('/desk').expect(200);
    expect(res.text).not.toContain('<noscript>');
  });
});
