import { signIn } from '../e2e/budget-test-kit';
import { createTestApp, type TSignedIn, type TTestApp } from '../utils/test-app';

let t: TTestApp;
let as: Record<'admin' | 'preparer' | 'preparer2' | 'reviewer' | 'reviewer_other', TSignedIn>;

const years = async (who: TSignedIn) => (await t.http().get('/api/bureau/years').set(who.headers).expect(200)).body as { years: number[]; defaultYear: number | null };
const createBudget = (who: TSignedIn, fiscalYear: number) => t.http().post('/api/budgets').set(who.headers).send({ fiscalYear }).expect(201);

beforeAll(async () => {
  t = await createTestApp();
  as = await signIn(t, 'admin', 'preparer', 'preparer2', 'reviewer', 'reviewer_other');
});
afterAll(() => t.close());

describe('GET /api/bureau/years', () => {
  it('offers no year while no budget exists, so the desk falls back on its own', async () => {
    expect(await years(as.reviewer)).toEqual({ years: [], defaultYear: null });
  });

  it('answers the years with budgets in the reviewer’s scope, newest first, the newest by default', async () => {
    await createBudget(as.preparer, 2020);
    await createBudget(as.preparer, 2021);
    await createBudget(as.preparer2, 2020);
    expect(await years(as.reviewer)).toEqual({ years: [2021, 2020], defaultYear: 2021 });
    // reviewer_other reviews the other department alone: its one year, not the district's newest.
    expect(await years(as.reviewer_other)).toEqual({ years: [2020], defaultYear: 2020 });
    expect(await years(as.admin)).toEqual({ years: [2021, 2020], defaultYear: 2021 });
  });

  it('is for the bureau: 401 without a session, 403 for a department’s preparer', async () => {
    const anonymous = await t.http().get('/api/bureau/years').expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const preparer = await t.http().get('/api/bureau/years').set(as.preparer.headers).expect(403);
    expect(preparer.body.code).toBe('FORBIDDEN');
  });
});
