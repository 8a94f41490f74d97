import { APPROVAL, createSeededBudget, signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

/** 预算调整 after 批复, over HTTP on PostgreSQL: asked with a kind and reason, reviewed, shown as 年初 / 调整数 / 调整后. */
describe('a budget adjustment', () => {
  let t: TTestApp;
  let u: Record<'preparer' | 'reviewer' | 'publisher', TSignedIn>;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'preparer', 'reviewer', 'publisher');
  });
  afterAll(() => t.close());

  const act = (who: TSignedIn, id: string, action: string, body: object = {}) => t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(body);

  it('goes through the chain and becomes a new revision linked to the one it adjusts', async () => {
    const { id } = await createSeededBudget(t, u.preparer, 2020);
    await act(u.preparer, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', APPROVAL).expect(200);
    await act(u.publisher, id, 'publish').expect(200);

    const noReason = await act(u.preparer, id, 'adjust', { kind: 'increase' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('ADJUSTMENT_REASON_REQUIRED');
    expect((await act(u.preparer, id, 'adjust', { kind: 'more', reason: '追加' })).status).toBe(400);
    expect((await act(u.publisher, id, 'adjust', { kind: 'increase', reason: '追加' })).status).toBe(403);
    expect((await act(u.preparer, id, 'adjust', { kind: 'transfer', reason: '调剂基本工资与津贴补贴' }).expect(200)).body).toEqual(expect.objectContaining({ state: 'draft', round: 'adjustment' }));

    // 调剂 10 000.00 元 from the second line to the first: the total stays.
    const current = (await t.http().get(`/api/budgets/${id}`).set(u.preparer.headers).expect(200)).body;
    expect(current.openedFor).toEqual({ action: 'adjust', reason: '调剂基本工资与津贴补贴' });
    const [line, other] = current.lines.expenditure.items;
    const moved = (l: { amount: string }, fen: bigint) => {
      const text = (BigInt(l.amount.replace('.', '')) + fen).toString();
      return `${text.slice(0, -2)}.${text.slice(-2)}`;
    };
    const amount = moved(line, 1_000_000n);
    await t
      .http()
      .patch(`/api/budgets/${id}/lines`)
      .set(u.preparer.headers)
      .send({ version: current.version, upsertExpenditure: [{ ...line, amount }, { ...other, amount: moved(other, -1_000_000n) }] })
      .expect(200);
    const pending = (await t.http().get(`/api/budgets/${id}/adjustments`).set(u.preparer.headers).expect(200)).body.items;
    expect(pending).toEqual([expect.objectContaining({ kind: 'transfer', reason: '调剂基本工资与津贴补贴', baseRevisionNo: 1, revisionNo: null })]);

    await act(u.preparer, id, 'submit').expect(200);
    expect((await act(u.reviewer, id, 'approve', { opinion: '同意调剂' })).body.code).toBe('REPLY_REQUIRED');
    const approved = await act(u.reviewer, id, 'approve', { opinion: '同意调剂', documentNo: '硚财预调〔2020〕3号', date: '2020-06-30' }).expect(200);
    expect(approved.body).toEqual(expect.objectContaining({ state: 'approved', round: 'replied', revisionNo: 2 }));

    const [adjustment] = (await t.http().get(`/api/budgets/${id}/adjustments`).set(u.publisher.headers).expect(200)).body.items;
    expect(adjustment).toEqual(expect.objectContaining({ baseRevisionNo: 1, revisionNo: 2, documentNo: '硚财预调〔2020〕3号', repliedOn: '2020-06-30' }));
    const first = adjustment.lines.find((l: { lineId: string }) => l.lineId === line.id);
    expect(first).toEqual(expect.objectContaining({ original: line.amount, adjustment: '10000.00', adjusted: amount }));
    expect(adjustment.lines.find((l: { lineId: string }) => l.lineId === other.id)).toEqual(expect.objectContaining({ original: other.amount, adjustment: '-10000.00' }));
    expect(adjustment.lines.filter((l: { adjustment: string }) => l.adjustment !== '0.00')).toHaveLength(2);
    // The budget's own 批复 and its 20-day clock stand.
    expect((await t.http().get(`/api/budgets/${id}/review`).set(u.preparer.headers).expect(200)).body.reply).toEqual({ documentNo: APPROVAL.documentNo, date: APPROVAL.date });
  });
});
