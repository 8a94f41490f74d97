import type { TBudgetDocument } from '@budgetflow/domain';
import { APPROVAL, createSeededBudget, seedDocument, signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

/** The seed with 基本工资 (L001) and the appropriation (I001) raised by the same sum: still balanced, a larger total. */
function raised(document: TBudgetDocument, yuan: bigint): TBudgetDocument {
  const plus = (amount: string) => {
    const fen = BigInt(amount.replace('.', '')) + yuan * 100n;
    return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
  };
  return {
    ...document,
    expenditureLines: document.expenditureLines.map((l) => (l.id === 'L001' ? { ...l, amount: plus(l.amount) } : l)),
    incomeLines: document.incomeLines.map((l) => (l.id === 'I001' ? { ...l, amount: plus(l.amount) } : l)),
  };
}

interface TYear {
  fiscalYear: number;
  total: string;
  previous: { total: string; stated: boolean } | null;
  change: { amount: string; percent: string | null } | null;
}

/**
 * 比上年增减 on the portal when last year is published after this year (or corrected later): the
 * comparison follows the published record as it stands, on the disclosure's first screen and across
 * the department's years. The seed states no 2020 figure (its 上年 is 2019), so only the published
 * 2020 disclosure can give 2021 its change.
 */
describe("the portal's change on last year, last year published later", () => {
  let t: TTestApp;
  let u: Record<'preparer' | 'reviewer' | 'publisher', TSignedIn>;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signIn(t, 'preparer', 'reviewer', 'publisher');
  });
  afterAll(() => t.close());

  const act = (who: TSignedIn, id: string, action: string, body: object = {}) => t.http().post(`/api/budgets/${id}/${action}`).set(who.headers).send(body);
  const publish = async (id: string) => ((await act(u.publisher, id, 'publish').expect(200)).body.publication as { id: string }).id;
  const approveAndPublish = async (id: string, approval: object) => {
    await act(u.preparer, id, 'submit').expect(200);
    await act(u.reviewer, id, 'approve', approval).expect(200);
    return publish(id);
  };
  const digestOf = async (publicationId: string) => (await t.http().get(`/api/public/disclosures/${publicationId}/breakdown`).expect(200)).body.digest;
  const year2021 = async () => ((await t.http().get('/api/public/departments/019001/years').expect(200)).body.years as TYear[]).find((y) => y.fiscalYear === 2021);

  it('compares 2021 with 2020 once 2020 is published, and with its correction once corrected', async () => {
    // 2021 first: 6 044 000.00 + 100 000.00 元, and no 2020 published to compare with
    const y2021 = await createSeededBudget(t, u.preparer, 2021, raised(seedDocument(), 100_000n));
    const published2021 = await approveAndPublish(y2021.id, { ...APPROVAL, documentNo: '硚财预〔2021〕1号', date: '2021-02-20' });
    expect(await digestOf(published2021)).toMatchObject({ total: '6144000.00', lastYear: null, change: null });
    expect(await year2021()).toMatchObject({ previous: null, change: null });

    // then 2020 (6 044 000.00 元): 2021's first screen, read before, now has its change
    const y2020 = await createSeededBudget(t, u.preparer, 2020);
    await approveAndPublish(y2020.id, APPROVAL);
    expect(await digestOf(published2021)).toMatchObject({ lastYear: { year: 2020, total: '6044000.00', stated: false }, change: { amount: '100000.00', percent: '1.7' } });
    expect(await year2021()).toMatchObject({ previous: { total: '6044000.00', stated: false }, change: { amount: '100000.00', percent: '1.7' } });

    // 2020 corrected (更正) to 6 094 000.00 元: 2021 is compared with the corrected version
    await act(u.publisher, y2020.id, 'revise', { reason: '基本工资测算有误，予以更正' }).expect(200);
    const current = (await t.http().get(`/api/budgets/${y2020.id}`).set(u.preparer.headers).expect(200)).body as { version: number };
    const corrected = raised(seedDocument(), 50_000n);
    const line = (id: string) => corrected.expenditureLines.find((l) => l.id === id);
    await t
      .http()
      .patch(`/api/budgets/${y2020.id}/lines`)
      .set(u.preparer.headers)
      .send({ version: current.version, upsertExpenditure: [line('L001')], upsertIncome: corrected.incomeLines.filter((l) => l.id === 'I001') })
      .expect(200);
    await approveAndPublish(y2020.id, { opinion: '同意更正' });
    expect(await digestOf(published2021)).toMatchObject({ lastYear: { year: 2020, total: '6094000.00', stated: false }, change: { amount: '50000.00', percent: '0.8' } });
    expect(await year2021()).toMatchObject({ previous: { total: '6094000.00', stated: false }, change: { amount: '50000.00', percent: '0.8' } });
  }, 300_000);
});
