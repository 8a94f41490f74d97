import { XLSX_MEDIA_TYPE } from '../../src/modules/budgets/workbook-body';
import { exportBudgetTemplate } from '../../src/modules/reports/xlsx/budget-template';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';
import type { TTestUsername } from '../utils/seed-people';
import { APPROVAL, createSeededBudget, seedDocument } from './budget-test-kit';

/**
 * Every route × every role × own or foreign department. The expected answer follows from three
 * facts only: the route's roles, whether the caller may see the budget, and what the route does
 * for someone who may (with a stale version for writes, so the matrix changes nothing it reads).
 *   anonymous → 401 · role not allowed → 403 · budget not visible → 404 · otherwise the route's own answer.
 */
type TPrincipal = TTestUsername | 'anonymous';
type TRole = 'admin' | 'preparer' | 'publisher' | 'reviewer';

const PRINCIPALS: Record<TPrincipal, { role: TRole | null; seesHomeBudget: boolean }> = {
  anonymous: { role: null, seesHomeBudget: false },
  admin: { role: 'admin', seesHomeBudget: true },
  preparer: { role: 'preparer', seesHomeBudget: true },
  publisher: { role: 'publisher', seesHomeBudget: true },
  reviewer: { role: 'reviewer', seesHomeBudget: true },
  reviewer2: { role: 'reviewer', seesHomeBudget: true },
  // The other department's people, and a reviewer assigned only to it: the home budget is foreign.
  preparer2: { role: 'preparer', seesHomeBudget: false },
  publisher2: { role: 'publisher', seesHomeBudget: false },
  reviewer_other: { role: 'reviewer', seesHomeBudget: false },
};

const ALL: readonly TRole[] = ['admin', 'preparer', 'publisher', 'reviewer'];
const STALE = 999_999;

interface TRoute {
  name: string;
  roles: readonly TRole[] | 'public';
  /** The status for a caller with the role who sees the budget. */
  allowed: number;
  /** A list names no object, so nobody gets 404 from it: what it lists is checked below. */
  list?: true;
  /** Sends the request with the caller's headers (none for anonymous). */
  send(t: TTestApp, ctx: TContext, headers: Record<string, string>): Promise<{ status: number; text: string }>;
}

interface TContext {
  budgetId: string;
  homeDepartmentId: string;
  publicationId: string;
  commentId: () => Promise<string>;
}

const action = (name: string, roles: readonly TRole[], body: object = { version: STALE }): TRoute => ({
  name: `POST /api/budgets/:id/${name}`,
  roles,
  allowed: 409,
  send: async (t, c, h) => t.http().post(`/api/budgets/${c.budgetId}/${name}`).set(h).send(body),
});

const ROUTES: TRoute[] = [
  { name: 'GET /api/budgets', roles: ALL, allowed: 200, list: true, send: async (t, _c, h) => t.http().get('/api/budgets').set(h) },
  // Creating the home department's 2020 budget again: visible callers learn it exists (409).
  { name: 'POST /api/budgets', roles: ['preparer'], allowed: 409, send: async (t, c, h) => t.http().post('/api/budgets').set(h).send({ fiscalYear: 2020, departmentId: c.homeDepartmentId }) },
  { name: 'GET /api/budgets/:id', roles: ALL, allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}`).set(h) },
  { name: 'PATCH /api/budgets/:id/lines', roles: ['preparer'], allowed: 409, send: async (t, c, h) => t.http().patch(`/api/budgets/${c.budgetId}/lines`).set(h).send({ version: STALE, removeExpenditure: ['L001'] }) },
  {
    name: 'PUT /api/budgets/:id/document',
    roles: ['preparer'],
    allowed: 409,
    send: async (t, c, h) => t.http().put(`/api/budgets/${c.budgetId}/document`).set(h).set('If-Match', `"${STALE}"`).send(seedDocument()),
  },
  { name: 'GET /api/budgets/:id/workbook', roles: ALL, allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/workbook`).set(h) },
  {
    name: 'PUT /api/budgets/:id/workbook',
    roles: ['preparer'],
    allowed: 409,
    send: async (t, c, h) =>
      t.http().put(`/api/budgets/${c.budgetId}/workbook`).set(h).set('If-Match', `"${STALE}"`).set('Content-Type', XLSX_MEDIA_TYPE).send(await exportBudgetTemplate(seedDocument())),
  },
  { name: 'GET /api/budgets/:id/document', roles: ALL, allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/document`).set(h) },
  { name: 'GET /api/budgets/:id/audit', roles: ALL, allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/audit`).set(h) },
  { name: 'GET /api/budgets/:id/revisions', roles: ALL, allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/revisions`).set(h) },
  { name: 'GET /api/budgets/:id/revisions/:no', roles: ALL, allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/revisions/1`).set(h) },
  { name: 'GET /api/budgets/:id/revisions/:no/files', roles: ALL, allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/revisions/1/files`).set(h) },
  { name: 'GET /api/budgets/:id/diff', roles: ALL, allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/diff?from=1&to=1`).set(h) },
  action('submit', ['preparer']),
  action('withdraw', ['preparer']),
  action('return', ['reviewer'], { version: STALE, reason: '理由' }),
  action('approve', ['reviewer']),
  action('publish', ['publisher']),
  action('revise', ['preparer', 'publisher']),
  action('issue-ceilings', ['reviewer']),
  {
    name: 'POST /api/budgets/:id/comments',
    roles: ['preparer', 'reviewer'],
    allowed: 201,
    send: async (t, c, h) => t.http().post(`/api/budgets/${c.budgetId}/comments`).set(h).send({ target: { kind: 'line', lineId: 'L001' }, body: '请说明测算依据' }),
  },
  { name: 'GET /api/budgets/:id/comments', roles: ['preparer', 'reviewer'], allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/comments`).set(h) },
  {
    name: 'POST /api/comments/:id/answer',
    roles: ['preparer'],
    allowed: 200,
    send: async (t, c, h) => t.http().post(`/api/comments/${await c.commentId()}/answer`).set(h).send({ answer: '已补充' }),
  },
  { name: 'GET /api/public/disclosures', roles: 'public', allowed: 200, send: async (t, _c, h) => t.http().get('/api/public/disclosures?year=2021').set(h) },
  { name: 'GET /api/public/disclosures/:id', roles: 'public', allowed: 200, send: async (t, c, h) => t.http().get(`/api/public/disclosures/${c.publicationId}`).set(h) },
];

function expectedStatus(route: TRoute, principal: TPrincipal): number {
  if (route.roles === 'public') return route.allowed;
  const { role, seesHomeBudget } = PRINCIPALS[principal];
  if (role === null) return 401;
  if (!route.roles.includes(role)) return 403;
  return seesHomeBudget || route.list === true ? route.allowed : 404;
}

describe('authorization matrix', () => {
  let t: TTestApp;
  const tokens = new Map<TPrincipal, TSignedIn>();
  let ctx: TContext;

  beforeAll(async () => {
    t = await createTestApp();
    for (const name of Object.keys(PRINCIPALS) as TPrincipal[]) if (name !== 'anonymous') tokens.set(name, await t.login(name));
    const as = (name: TPrincipal) => tokens.get(name)?.headers ?? {};
    // The home budget of 2021 is published (for the public routes); that of 2020 is under review.
    const published = await createSeededBudget(t, tokens.get('preparer') as TSignedIn, 2021);
    await t.http().post(`/api/budgets/${published.id}/submit`).set(as('preparer')).expect(200);
    await t.http().post(`/api/budgets/${published.id}/approve`).set(as('reviewer')).send(APPROVAL).expect(200);
    const publication = await t.http().post(`/api/budgets/${published.id}/publish`).set(as('publisher')).expect(200);
    const budget = await createSeededBudget(t, tokens.get('preparer') as TSignedIn, 2020);
    await t.http().post(`/api/budgets/${budget.id}/submit`).set(as('preparer')).expect(200);
    ctx = {
      budgetId: budget.id,
      homeDepartmentId: t.people.departments.home.id,
      publicationId: (publication.body as { publication: { id: string } }).publication.id,
      // Each answer case gets a fresh question from the reviewer, so "answered once" never interferes.
      commentId: async () => {
        const res = await t.http().post(`/api/budgets/${budget.id}/comments`).set(as('reviewer')).send({ target: { kind: 'budget' }, body: '问题' }).expect(201);
        return (res.body as { id: string }).id;
      },
    };
    // Publish renders and checks the files itself (no job runs here): a PDF on a loaded machine.
  }, 180_000);
  afterAll(() => t.close());

  it('answers every route for every role and department as the rules say', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const route of ROUTES) {
      for (const principal of Object.keys(PRINCIPALS) as TPrincipal[]) {
        const res = await route.send(t, ctx, tokens.get(principal)?.headers ?? {});
        cases += 1;
        const expected = expectedStatus(route, principal);
        if (res.status !== expected) failures.push(`${route.name} as ${principal}: ${res.status} (expected ${expected}) ${res.text.slice(0, 200)}`);
      }
    }
    process.stdout.write(`authorization matrix: ${cases} cases (${ROUTES.length} routes × ${Object.keys(PRINCIPALS).length} principals)\n`);
    expect(failures).toEqual([]);
    expect(cases).toBe(ROUTES.length * Object.keys(PRINCIPALS).length);
  });

  it('lists only what each caller may see', async () => {
    const visible = async (name: TPrincipal) => {
      const res = await t.http().get('/api/budgets').set(tokens.get(name)?.headers ?? {}).expect(200);
      return (res.body as { items: { id: string }[] }).items.map((b) => b.id).includes(ctx.budgetId);
    };
    for (const name of Object.keys(PRINCIPALS) as TPrincipal[]) {
      if (name !== 'anonymous') expect([name, await visible(name)]).toEqual([name, PRINCIPALS[name].seesHomeBudget]);
    }
  });

  it('never shows a draft to a reviewer, nor to another department', async () => {
    const draft = await t.http().post('/api/budgets').set(tokens.get('preparer2')?.headers ?? {}).send({ fiscalYear: 2021 }).expect(201);
    const id = (draft.body as { id: string }).id;
    for (const name of ['reviewer', 'reviewer_other', 'preparer', 'publisher'] as const) {
      await t.http().get(`/api/budgets/${id}`).set(tokens.get(name)?.headers ?? {}).expect(404);
    }
    await t.http().get(`/api/budgets/${id}`).set(tokens.get('publisher2')?.headers ?? {}).expect(200);
  });
});
