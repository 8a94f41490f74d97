import type { TSignedIn, TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';
import { signIn } from './budget-test-kit';

interface TListedFinding {
  ruleId: string;
  message: { zh: string; en: string };
  location: unknown;
  alsoAt?: unknown[];
}

/** What a preparer's new budget says before anything is entered: each problem once. */
describe('the findings of a new, empty budget over HTTP', () => {
  let t: TTestApp;
  let preparer: TSignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    ({ preparer } = await signIn(t, 'preparer'));
  });
  afterAll(() => t.close());

  it('lists each finding once, a 说明 citing a missing row reaching every figure it concerns', async () => {
    const created = await t.http().post('/api/budgets').set(preparer.headers).send({ fiscalYear: 2020 }).expect(201);
    const read = await t.http().get(`/api/budgets/${String(created.body.id)}`).set(preparer.headers).expect(200);
    const findings = read.body.findings as TListedFinding[];
    const said = findings.map((f) => `${f.ruleId} ${f.message.zh}`);
    expect(said).toContain('TEXT.SOURCE_MISSING 说明「五、一般公共预算支出情况说明」中的 0.0万元 所引表5的行不存在');
    expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
    expect(findings.find((f) => f.message.zh.startsWith('说明「五、'))).toMatchObject({
      location: { kind: 'text', section: 'general-public/general-public-total' },
      alsoAt: [
        { kind: 'text', section: 'general-public/general-public-basic' },
        { kind: 'text', section: 'general-public/general-public-project' },
      ],
    });
  });
});
