import { APPROVAL, createSeededBudget, signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

interface TPublic {
  id: string;
  versionNo: number;
  publishedAt: string;
  latest: boolean;
  latestVersion: { id: string; versionNo: number; publishedAt: string };
  correction: { reason: string; date: string; previousVersion: number; changes: { table: string; row: string; column: string; before: string | null; after: string | null; unit: string; text: string }[] } | null;
  files: { name: string; format: string; url: string; sha256: string }[];
}

/** 更正说明, over HTTP on PostgreSQL: version 2 of a publication says why, when and what changed against version 1. */
describe('a correction notice (更正说明)', () => {
  let t: TTestApp;
  let u: Record<'preparer' | 'reviewer' | 'publisher', TSignedIn>;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'preparer', 'reviewer', 'publisher');
  });
  afterAll(() => t.close());

  const act = (who: TSignedIn, id: string, action: string, body: object = {}) => t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(body);
  const disclosure = async (id: string) => (await t.http().get(`/api/public/disclosures/${id}`).expect(200)).body as TPublic;

  it('publishes beside version 2 the reason, the date and each changed figure; version 1 has none, and points on to version 2', async () => {
    const { id } = await createSeededBudget(t, u.preparer, 2020);
    await act(u.preparer, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', APPROVAL).expect(200);
    const v1 = (await act(u.publisher, id, 'publish').expect(200)).body.publication as { id: string };
    const alone = await disclosure(v1.id);
    expect(alone).toEqual(expect.objectContaining({ latest: true, latestVersion: { id: v1.id, versionNo: 1, publishedAt: alone.publishedAt } }));

    await act(u.publisher, id, 'revise', { reason: '基本工资测算有误，予以更正' }).expect(200);
    const current = (await t.http().get(`/api/budgets/${id}`).set(u.preparer.headers).expect(200)).body;
    // Whoever works on the new revision reads why it was opened; version 1 was opened by nobody's 更正.
    expect(current.openedFor).toEqual({ action: 'revise', reason: '基本工资测算有误，予以更正' });
    const lines = current.lines.expenditure.items as { id: string; economicCode: string; amount: string }[];
    const line = lines.find((l) => l.id === 'L001');
    expect(line).toEqual(expect.objectContaining({ economicCode: '30101', amount: '384000.00' }));
    // 10 000.00 元 more for 基本工资, as much less for 津贴补贴: income and expenditure still balance.
    const other = lines.find((l) => l.economicCode === '30102');
    const less = `${(BigInt(other!.amount.replace('.', '')) - 1_000_000n).toString().replace(/(\d\d)$/, '.$1')}`;
    await t
      .http()
      .patch(`/api/budgets/${id}/lines`)
      .set(u.preparer.headers)
      .send({ version: current.version, upsertExpenditure: [{ ...line, amount: '394000.00' }, { ...other, amount: less }] })
      .expect(200);
    await act(u.preparer, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', { opinion: '同意更正' }).expect(200);
    const v2 = (await act(u.publisher, id, 'publish').expect(200)).body.publication as { id: string; versionNo: number };
    expect(v2.versionNo).toBe(2);

    const [{ today }] = await t.dataSource.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
    const second = await disclosure(v2.id);
    expect(second.correction).toEqual(expect.objectContaining({ reason: '基本工资测算有误，予以更正', date: today, previousVersion: 1 }));
    expect(second.correction?.changes).toContainEqual({
      table: '表六 硚口区大数据中心2020年一般公共预算基本支出表',
      row: '30101 基本工资',
      column: '预算数',
      before: '38.4',
      after: '39.4',
      unit: '万元',
      text: '表六 硚口区大数据中心2020年一般公共预算基本支出表“30101 基本工资”行“预算数”：由38.4万元更正为39.4万元',
    });
    expect(second.correction?.changes).toContainEqual(expect.objectContaining({ row: '30102 津贴补贴', column: '预算数', after: expect.any(String) }));
    // the totals stand: no 合计 changed
    expect(second.correction?.changes.filter((c) => c.row === '合计' && c.column === '合计')).toEqual([]);
    // An old link to version 1 now knows it is superseded and which version to send its reader to.
    const newest = { id: v2.id, versionNo: 2, publishedAt: second.publishedAt };
    expect(second).toEqual(expect.objectContaining({ latest: true, latestVersion: newest }));
    expect(await disclosure(v1.id)).toEqual(expect.objectContaining({ latest: false, latestVersion: newest }));
    expect((await disclosure(v1.id)).correction).toBeNull();
    expect((await disclosure(v1.id)).files.map((f) => f.name)).not.toContain('correction-notice.txt');

    // The notice is among the published files, with its sha256, and says the same.
    const notice = second.files.find((f) => f.name === 'correction-notice.txt');
    expect(notice).toEqual(expect.objectContaining({ format: 'txt' }));
    const file = await t.http().get(notice!.url).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(file.headers['content-type']).toMatch(/^text\/plain/);
    const text = (file.body as Buffer).toString('utf8');
    expect(text.split('\n').slice(0, 5)).toEqual(['硚口区大数据中心2020年部门预算更正说明', '', `更正日期：${today}`, '更正原因：基本工资测算有误，予以更正', '本次公开为第2版，更正第1版。']);
    expect(text).toContain('“30101 基本工资”行“预算数”：由38.4万元更正为39.4万元');
    // and it entered the audit chain with the other published files
    const [record] = await t.dataSource.query(`SELECT payload FROM audit_log WHERE action = 'publication.record' AND entity_id = $1`, [v2.id]);
    expect((record.payload as { files: { name: string; sha256: string }[] }).files).toContainEqual(expect.objectContaining({ name: 'correction-notice.txt', sha256: notice!.sha256 }));
  }, 240_000);
});
