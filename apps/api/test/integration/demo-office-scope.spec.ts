import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startBudgetflow, type TRunningBudgetflow } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/load-config';
import { seedDocumentFor } from '../e2e/budget-test-kit';
import { createTestDatabase, type TTestDatabase } from '../utils/test-database';

/**
 * The demo bureau as `pnpm start` seeds it: each 业务科室 reviews the departments assigned to its
 * office (行政政法科 `reviewer`: 019001 and 999001; 科教文科 `reviewer3`: 998001), the 预算科
 * (`reviewer2`) all three. A reviewer of one office neither lists nor reads a budget of another
 * office's department: desk, budget, trail, revisions and diff all answer as for a missing budget.
 */
const PASSWORD = 'office-scope-demo-password';

let db: TTestDatabase;
let running: TRunningBudgetflow;
const headers: Record<string, Record<string, string>> = {};
const budgets: Record<'qiaokou' | 'education', string> = { qiaokou: '', education: '' };

const http = () => request(running.app.getHttpServer());

/** A 2021 budget of the preparer's department, made of the seed document under its own code, submitted (一上). */
async function submittedBudget(preparer: string, department: { code: string; name: string }): Promise<string> {
  const created = await http().post('/api/budgets').set(headers[preparer]!).send({ fiscalYear: 2021 }).expect(201);
  const document = { ...seedDocumentFor(department), fiscalYear: 2021 };
  await http().put(`/api/budgets/${created.body.id}/document`).set(headers[preparer]!).set('If-Match', `"${created.body.version}"`).send(document).expect(200);
  await http().post(`/api/budgets/${created.body.id}/submit`).set(headers[preparer]!).send({}).expect(200);
  return created.body.id as string;
}

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  running = await startBudgetflow(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'error', DEMO_PASSWORD: PASSWORD, QUEUE_PREFIX: `scope_${randomBytes(4).toString('hex')}` }));
  for (const username of ['preparer', 'preparer3', 'reviewer', 'reviewer2', 'reviewer3', 'admin']) {
    const login = await http().post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    headers[username] = { Authorization: `Bearer ${login.body.accessToken}` };
  }
  budgets.qiaokou = await submittedBudget('preparer', { code: '019001', name: '武汉市硚口区大数据中心' });
  budgets.education = await submittedBudget('preparer3', { code: '998001', name: '示例教育局' });
}, 120_000);

afterAll(async () => {
  await running?.stop();
  await db?.drop();
});

/** Who sees which budget: the office's departments, and the 预算科 every one. */
const SEES: Record<'reviewer' | 'reviewer2' | 'reviewer3', Record<keyof typeof budgets, boolean>> = {
  reviewer: { qiaokou: true, education: false },
  reviewer2: { qiaokou: true, education: true },
  reviewer3: { qiaokou: false, education: true },
};

const READS: readonly { name: string; url: (id: string) => string }[] = [
  { name: 'budget', url: (id) => `/api/budgets/${id}` },
  { name: 'trail', url: (id) => `/api/budgets/${id}/review` },
  { name: 'revisions', url: (id) => `/api/budgets/${id}/revisions` },
  { name: 'revision', url: (id) => `/api/budgets/${id}/revisions/1` },
  { name: 'diff', url: (id) => `/api/budgets/${id}/diff?from=1&to=1` },
];

describe.each(Object.entries(SEES))('%s', (reviewer, sees) => {
  const names = Object.keys(budgets) as (keyof typeof budgets)[];
  it.each(READS.flatMap((read) => names.map((budget) => [read.name, budget] as const)))('%s of the %s budget', async (name, budget) => {
    const read = READS.find((r) => r.name === name)!;
    const visible = sees[budget];
    const response = await http().get(read.url(budgets[budget])).set(headers[reviewer]!);
    expect(response.status).toBe(visible ? 200 : 404);
  });

  it('lists on the desk and the queue only the budgets of its offices', async () => {
    const queue = await http().get('/api/reviews/queue').set(headers[reviewer]!).expect(200);
    const queued = new Set((queue.body.items as { id: string }[]).map((i) => i.id));
    const overview = await http().get('/api/bureau/overview?year=2021').set(headers[reviewer]!).expect(200);
    const onDesk = new Set((overview.body.departments as { budgetId: string | null }[]).map((d) => d.budgetId));
    for (const budget of names) {
      expect([budget, queued.has(budgets[budget])]).toEqual([budget, sees[budget]]);
      expect([budget, onDesk.has(budgets[budget])]).toEqual([budget, sees[budget]]);
    }
  });
});

describe('the review scope on the admin desk', () => {
  const user = async (username: string) => {
    const users = (await http().get('/api/users').set(headers['admin']!).expect(200)).body as { id: string; username: string; reviewScope: unknown; office: unknown }[];
    return users.find((u) => u.username === username)!;
  };
  const seesEducation = async () => (await http().get(`/api/budgets/${budgets.education}`).set(headers['reviewer']!)).status;

  it('shows each reviewer’s office with the departments it is assigned, which a narrower own list does not take away', async () => {
    expect((await user('reviewer')).office).toEqual({ code: expect.any(String), name: '行政政法科', departments: ['019001', '999001'] });
    expect((await user('reviewer3')).office).toEqual({ code: expect.any(String), name: '科教文科', departments: ['998001'] });
    expect((await user('preparer')).office).toBeNull();
    const reviewer = await user('reviewer');
    // An own department besides the office's, then none: the office's departments stay, the other goes.
    await http().patch(`/api/users/${reviewer.id}`).set(headers['admin']!).send({ reviewScope: ['998001'] }).expect(200);
    expect(await seesEducation()).toBe(200);
    await http().patch(`/api/users/${reviewer.id}`).set(headers['admin']!).send({ reviewScope: [] }).expect(200);
    expect([(await user('reviewer')).reviewScope, await seesEducation()]).toEqual([[], 404]);
    expect((await http().get(`/api/budgets/${budgets.qiaokou}`).set(headers['reviewer']!)).status).toBe(200);
  });
});
