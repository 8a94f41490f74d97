import { PUBLISHED_HTML_CSP, ZNotification, ZPublication, ZPublicationSummary } from '@budgetflow/domain';
import { createHash } from 'node:crypto';
import { NotifyJob } from '../../src/modules/notifications/jobs/notify.job';
import { RenderPublicationJob } from '../../src/modules/publications/jobs/render-publication.job';
import { PublicationFilesService } from '../../src/modules/publications/publication-files.service';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { insertOutbox, insertPublishedBudget, renderPublication, type TPublished } from './jobs-fixtures';
import { seedDisclosure } from './seed-disclosure';

let t: TTestApp;
let published: TPublished;

beforeAll(async () => {
  t = await createTestApp();
  published = await insertPublishedBudget(t.dataSource, t.people, seedDisclosure(), 2020);
  const outboxId = await renderPublication(t.dataSource, published);
  await new RenderPublicationJob(t.dataSource).handle({ outboxId, topic: 'budget.render-publication', payload: { ...published } });
  const notifyId = await insertOutbox(t.dataSource, 'budget.notify', { budgetId: published.budgetId, action: 'publish', who: 'preparers' });
  await new NotifyJob(t.dataSource).handle({ outboxId: notifyId, topic: 'budget.notify', payload: { budgetId: published.budgetId, action: 'publish', who: 'preparers' } });
});

afterAll(() => t.close());

describe('published files over HTTP', () => {
  it('downloads every listed file without signing in, its sha256 equal to the listed one', async () => {
    const files = await new PublicationFilesService(t.dataSource).listPublished(published.publicationId);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['disclosure.pdf', 'disclosure.xlsx', 'disclosure.html', 'disclosure.json', 't1.csv', 'datapackage.json', 'lines.csv', 'lines.datapackage.json']));
    expect(new Set(files.map((f) => f.downloadName)).size).toBe(files.length);
    for (const file of files) {
      const res = await t.http().get(file.url).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      const body = res.body as Buffer;
      expect(body.length).toBe(file.size);
      expect(createHash('sha256').update(body).digest('hex')).toBe(file.sha256);
      expect(res.headers['etag']).toBe(`"${file.sha256}"`);
      // Every file, the HTML first, under a policy that runs nothing: no script, sandboxed, never framed.
      expect(res.headers['content-security-policy']).toBe(`${PUBLISHED_HTML_CSP}; frame-ancestors 'none'; sandbox`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // Saved under a name that says whose, which year's and which version's it is (RFC 6266's filename*).
      const department: { name: string }[] = await t.dataSource.query(`SELECT d.name FROM budgets b JOIN departments d ON d.id = b.department_id WHERE b.id = $1`, [published.budgetId]);
      expect(file.downloadName).toMatch(new RegExp(`^${department[0]?.name}2020年部门预算（第1版）`));
      const disposition = String(res.headers['content-disposition']);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '')).toBe(file.downloadName);
      // A client that cannot read filename* saves it under the file's own name (t1.csv), its address.
      expect(/^attachment; filename="([^"]*)";/.exec(disposition)?.[1]).toBe(file.name);
      if (file.name === 'disclosure.html') expect(body.toString('utf8')).toContain(`<meta http-equiv="Content-Security-Policy" content="${PUBLISHED_HTML_CSP}">`);
    }
  });

  it('answers the publication and the list of publications as the OpenAPI document describes them', async () => {
    const one = await t.http().get(`/api/public/disclosures/${published.publicationId}`).expect(200);
    expect(ZPublication.parse(one.body)).toMatchObject({ id: published.publicationId, latest: true, files: expect.arrayContaining([expect.objectContaining({ name: 't1.csv' })]) });
    const list = await t.http().get('/api/public/disclosures').expect(200);
    expect(ZPublicationSummary.array().parse(list.body.items).map((p) => p.id)).toEqual([published.publicationId]);
  });

  it('answers 404 for a file that does not exist', async () => {
    await t.http().get('/api/public/files/00000000-0000-4000-8000-000000000000').expect(404);
    await t.http().get('/api/public/files/not-a-uuid').expect(404);
  });
});

describe('notifications over HTTP', () => {
  it("shows the department's preparer the publication, nobody else, and refuses anonymous callers", async () => {
    const preparer = await t.login('preparer');
    const mine = await t.http().get('/api/notifications').set(preparer.headers).expect(200);
    expect(ZNotification.array().parse(mine.body.items)).toEqual([expect.objectContaining({ budgetId: published.budgetId, action: 'publish', read: false })]);
    const other = await t.login('preparer2');
    expect((await t.http().get('/api/notifications').set(other.headers).expect(200)).body.items).toEqual([]);
    await t.http().get('/api/notifications').expect(401);
    const id = (mine.body.items as { id: string }[])[0]?.id ?? '';
    await t.http().post(`/api/notifications/${id}/read`).set({ ...other.headers, 'X-CSRF-Token': other.csrfToken }).expect(404);
    await t.http().post(`/api/notifications/${id}/read`).set({ ...preparer.headers, 'X-CSRF-Token': preparer.csrfToken }).expect(204);
    expect((await t.http().get('/api/notifications').set(preparer.headers).expect(200)).body.items[0].read).toBe(true);
  });

  it("lists a reviewer's notification only while its budget is in the reviewer's current scope", async () => {
    // Sent when both reviewers saw the budget's department; reviewer_other has since been narrowed to another one.
    const [{ outbox }] = (await t.dataSource.query(`SELECT coalesce(max(outbox_id), 0) + 1 AS outbox FROM notifications`)) as [{ outbox: string }];
    for (const username of ['reviewer', 'reviewer_other'] as const) {
      await t.dataSource.query(`INSERT INTO notifications (user_id, budget_id, action, outbox_id) VALUES ($1, $2, 'submit', $3)`, [t.people.users[username].id, published.budgetId, outbox]);
    }
    const inScope = await t.http().get('/api/notifications').set((await t.login('reviewer')).headers).expect(200);
    expect(inScope.body.items).toEqual([expect.objectContaining({ budgetId: published.budgetId, action: 'submit' })]);
    const narrowed = await t.http().get('/api/notifications').set((await t.login('reviewer_other')).headers).expect(200);
    expect(narrowed.body.items).toEqual([]);
  });
});
