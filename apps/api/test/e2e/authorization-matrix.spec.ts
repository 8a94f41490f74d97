import { XLSX_MEDIA_TYPE } from '../../src/modules/budgets/workbook-body';
import { exportBudgetTemplate } from '../../src/modules/reports/xlsx/budget-template';
import type { TSignedIn, TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';
import { TEST_PASSWORD, type TTestUsername } from '../utils/seed-people';
import { APPROVAL, createSeededBudget, seedDocument } from './budget-test-kit';

/**
 * Every route × every role × own or foreign department: the budgets' routes and the three
 * administrators' own (系统管理员: users, departments, fiscal years, catalogue, review chains;
 * 安全保密管理员: roles and two-factor resets; 安全审计员: the audit trail, read by nobody else).
 * The expected answer follows from three facts only: the route's roles, whether the caller may see
 * the home department (its budget), and what the route does for someone who may — with a stale
 * version, a taken code, an unknown object or a refused value for writes, so the matrix changes
 * nothing it reads.
 *   anonymous → 401 · role not allowed → 403 · home department not visible → 404 · otherwise the route's own answer.
 */
type TPrincipal = TTestUsername | 'signer' | 'anonymous';
type TRole = 'admin' | 'preparer' | 'publisher' | 'reviewer' | 'signer' | 'security_admin' | 'auditor';

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
  // 审签人 of the bureau, with the home department in scope (made by the admin below).
  signer: { role: 'signer', seesHomeBudget: true },
  // 三员: the security administrator and the auditor take part in no budget: 403 on every budget route.
  secadmin: { role: 'security_admin', seesHomeBudget: false },
  auditor: { role: 'auditor', seesHomeBudget: false },
};

const ALL: readonly TRole[] = ['admin', 'preparer', 'publisher', 'reviewer', 'signer'];
const STALE = 999_999;

interface TRoute {
  name: string;
  roles: readonly TRole[] | 'public';
  /** The status for a caller with the role who sees the budget. */
  allowed: number;
  /** Names no department's object (a list, an account, a year), so nobody gets 404 for not seeing the home department. */
  unscoped?: true;
  /** Sends the request with the caller's headers (none for anonymous). */
  send(t: TTestApp, ctx: TContext, headers: Record<string, string>): Promise<{ status: number; text: string }>;
}

interface TContext {
  budgetId: string;
  homeDepartmentId: string;
  /** The home department's own budget unit (its code is the department's). */
  homeUnitCode: string;
  /** A finance bureau of no department, for the review chains' routes. */
  bureauCode: string;
  users: TTestApp['people']['users'];
  publicationId: string;
  commentId: () => Promise<string>;
}

const action = (name: string, roles: readonly TRole[], body: object = { version: STALE }): TRoute => ({
  name: `POST /api/budgets/:id/${name}`,
  roles,
  allowed: 409,
  send: async (t, c, h) => t.http().post(`/api/budgets/${c.budgetId}/${name}`).set(h).send(body),
});

/** An id no account, department, upload or session has. */
const NOBODY = '00000000-0000-4000-8000-000000000000';
const route = (name: string, roles: TRoute['roles'], allowed: number, send: TRoute['send'], unscoped = true): TRoute => ({ name, roles, allowed, send, ...(unscoped ? { unscoped: true as const } : {}) });

/** The three administrators' routes (三员), each with a request that changes nothing for whoever passes. */
function ADMINISTRATORS_ROUTES(): TRoute[] {
  const chainNamingNoOffice = { proposalRound: false, stages: [{ key: 'only', name: '审核', role: 'reviewer', office: { by: 'office', code: 'no-such-office' } }] };
  return [
    // 系统管理员: accounts
    route('GET /api/users', ['admin', 'security_admin'], 200, async (t, _c, h) => t.http().get('/api/users').set(h)),
    route('POST /api/users', ['admin'], 409, async (t, _c, h) =>
      t.http().post('/api/users').set(h).send({ username: 'preparer', displayName: '重名', password: 'a-long-enough-passphrase-7', role: 'preparer', departmentCode: '019001' }),
    ),
    route('PATCH /api/users/:id', ['admin'], 404, async (t, _c, h) => t.http().patch(`/api/users/${NOBODY}`).set(h).send({ displayName: '无此人' })),
    route('GET /api/users/:id/sessions', ['admin'], 200, async (t, c, h) => t.http().get(`/api/users/${c.users.preparer.id}/sessions`).set(h)),
    route('DELETE /api/users/:id/sessions', ['admin'], 404, async (t, _c, h) => t.http().delete(`/api/users/${NOBODY}/sessions`).set(h)),
    route('DELETE /api/users/:id/sessions/:sessionId', ['admin'], 404, async (t, c, h) => t.http().delete(`/api/users/${c.users.preparer.id}/sessions/${NOBODY}`).set(h)),
    // 系统管理员: departments and units (reading them follows the department's visibility)
    route('GET /api/departments', ALL, 200, async (t, _c, h) => t.http().get('/api/departments').set(h)),
    route('POST /api/departments', ['admin'], 409, async (t, _c, h) => t.http().post('/api/departments').set(h).send({ code: '019001', name: '同码部门' })),
    route('PATCH /api/departments/:id', ['admin'], 404, async (t, _c, h) => t.http().patch(`/api/departments/${NOBODY}`).set(h).send({ name: '无此部门' })),
    route('GET /api/departments/:id/units', ALL, 200, async (t, c, h) => t.http().get(`/api/departments/${c.homeDepartmentId}/units`).set(h), false),
    route('POST /api/departments/:id/units', ['admin'], 409, async (t, c, h) => t.http().post(`/api/departments/${c.homeDepartmentId}/units`).set(h).send({ code: c.homeUnitCode, name: '同码单位' }), false),
    // 系统管理员: fiscal years and the catalogue
    route('GET /api/fiscal-years', ALL, 200, async (t, _c, h) => t.http().get('/api/fiscal-years').set(h)),
    route('PUT /api/fiscal-years/:year', ['admin'], 400, async (t, _c, h) => t.http().put('/api/fiscal-years/2020').set(h).send({ status: 'open', template: 'no-such-template' })),
    route('GET /api/catalogue/:year', ALL, 200, async (t, _c, h) => t.http().get('/api/catalogue/2020').set(h)),
    route('GET /api/catalogue/:year/:kind', ALL, 200, async (t, _c, h) => t.http().get('/api/catalogue/2020/economic').set(h)),
    route('POST /api/catalogue/:year/uploads', ['admin'], 400, async (t, _c, h) => t.http().post('/api/catalogue/2020/uploads').set(h).send({ lists: 'none' })),
    route('GET /api/catalogue/:year/uploads/:id', ['admin'], 404, async (t, _c, h) => t.http().get(`/api/catalogue/2020/uploads/${NOBODY}`).set(h)),
    route('POST /api/catalogue/:year/uploads/:id/confirm', ['admin'], 404, async (t, _c, h) => t.http().post(`/api/catalogue/2020/uploads/${NOBODY}/confirm`).set(h)),
    // 系统管理员: the finance bureau, its offices and review chains (reviewers read them too)
    route('GET /api/admin/organisation', ['admin', 'reviewer'], 200, async (t, _c, h) => t.http().get('/api/admin/organisation').set(h)),
    route('PUT /api/admin/bureaus/:code', ['admin'], 400, async (t, c, h) => t.http().put(`/api/admin/bureaus/${c.bureauCode}`).set(h).send({ name: '矩阵财政局', departments: ['000404'] })),
    route('PUT /api/admin/offices/:code', ['admin'], 404, async (t, _c, h) => t.http().put('/api/admin/offices/matrix-office').set(h).send({ bureau: '000404', name: '无此局的科室', kind: 'budget', departments: [], reviewers: [] })),
    route('PUT /api/admin/budget-units/:code/level', ['admin'], 404, async (t, _c, h) => t.http().put('/api/admin/budget-units/000404/level').set(h).send({ level: 'self' })),
    route('GET /api/admin/review-chains/:bureau/:year', ['admin', 'reviewer'], 200, async (t, c, h) => t.http().get(`/api/admin/review-chains/${c.bureauCode}/2021`).set(h)),
    route('PUT /api/admin/review-chains/:bureau/:year', ['admin'], 400, async (t, c, h) => t.http().put(`/api/admin/review-chains/${c.bureauCode}/2021`).set(h).send(chainNamingNoOffice)),
    route('GET /api/admin/jobs/failed', ['admin'], 200, async (t, _c, h) => t.http().get('/api/admin/jobs/failed').set(h)),
    route('POST /api/admin/jobs/:queue/:id/retry', ['admin'], 404, async (t, _c, h) => t.http().post('/api/admin/jobs/totals/no-such-job/retry').set(h)),
    // 安全保密管理员: roles and two-factor resets
    route('PATCH /api/users/:id/role', ['security_admin'], 404, async (t, _c, h) => t.http().patch(`/api/users/${NOBODY}/role`).set(h).send({ role: 'preparer', departmentCode: '019001' })),
    route('POST /api/users/:id/totp/reset', ['security_admin'], 404, async (t, _c, h) => t.http().post(`/api/users/${NOBODY}/totp/reset`).set(h)),
    // 安全审计员 only: the audit trail, a budget's entries too. The 系统管理员, whose actions it records,
    // and the 安全保密管理员 get 403 like everyone else (三员分立).
    route('GET /api/audit', ['auditor'], 200, async (t, _c, h) => t.http().get('/api/audit?action=auth.').set(h)),
    route('GET /api/audit?budgetId=', ['auditor'], 200, async (t, c, h) => t.http().get('/api/audit').query({ budgetId: c.budgetId }).set(h)),
    route('GET /api/audit/verify', ['auditor'], 200, async (t, _c, h) => t.http().get('/api/audit/verify').set(h)),
  ];
}

const ROUTES: TRoute[] = [
  { name: 'GET /api/budgets', roles: ALL, allowed: 200, unscoped: true, send: async (t, _c, h) => t.http().get('/api/budgets').set(h) },
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
  // A budget's own trail, for its people: not for the 系统管理员 (三员分立, the auditor reads it all).
  { name: 'GET /api/budgets/:id/audit', roles: ALL.filter((r) => r !== 'admin'), allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/audit`).set(h) },
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
  action('sign-off', ['signer'], { version: STALE, opinion: '同意公开' }),
  { name: 'GET /api/budgets/:id/sign-off', roles: ALL, allowed: 200, send: async (t, c, h) => t.http().get(`/api/budgets/${c.budgetId}/sign-off`).set(h) },
  // The policies name a bureau, not a budget: nobody gets 404 from them.
  { name: 'GET /api/admin/publication-policies/:bureau/:year', roles: ['admin'], allowed: 200, unscoped: true, send: async (t, _c, h) => t.http().get('/api/admin/publication-policies/420104/2022').set(h) },
  {
    name: 'PUT /api/admin/publication-policies/:bureau/:year',
    roles: ['admin'],
    allowed: 200,
    unscoped: true,
    send: async (t, _c, h) => t.http().put('/api/admin/publication-policies/420104/2022').set(h).send({ signOffRequired: false }),
  },
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
  ...ADMINISTRATORS_ROUTES(),
  { name: 'GET /api/public/disclosures', roles: 'public', allowed: 200, send: async (t, _c, h) => t.http().get('/api/public/disclosures?year=2021').set(h) },
  { name: 'GET /api/public/disclosures/:id', roles: 'public', allowed: 200, send: async (t, c, h) => t.http().get(`/api/public/disclosures/${c.publicationId}`).set(h) },
  // What anyone checks the published record by stays public: the heads' key and each publication's manifest.
  { name: 'GET /api/public/audit/key', roles: 'public', allowed: 200, send: async (t, _c, h) => t.http().get('/api/public/audit/key').set(h) },
  { name: 'GET /api/public/disclosures/:id/manifest', roles: 'public', allowed: 200, send: async (t, c, h) => t.http().get(`/api/public/disclosures/${c.publicationId}/manifest`).set(h) },
];

function expectedStatus(route: TRoute, principal: TPrincipal): number {
  if (route.roles === 'public') return route.allowed;
  const { role, seesHomeBudget } = PRINCIPALS[principal];
  if (role === null) return 401;
  if (!route.roles.includes(role)) return 403;
  return seesHomeBudget || route.unscoped === true ? route.allowed : 404;
}

describe('authorization matrix', () => {
  let t: TTestApp;
  const tokens = new Map<TPrincipal, TSignedIn>();
  let ctx: TContext;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    await t.http().put('/api/admin/bureaus/420104').set(admin.headers).send({ name: '武汉市硚口区财政局', departments: [t.people.departments.home.code] }).expect(200);
    await t
      .http()
      .post('/api/users')
      .set(admin.headers)
      .send({ username: 'signer', displayName: '审签人', password: TEST_PASSWORD, role: 'signer', reviewScope: [t.people.departments.home.code] })
      .expect(201);
    for (const name of Object.keys(PRINCIPALS) as TPrincipal[]) if (name !== 'anonymous') tokens.set(name, await t.login(name));
    const as = (name: TPrincipal) => tokens.get(name)?.headers ?? {};
    // The home budget of 2021 is published (for the public routes); that of 2020 is under review.
    const published = await createSeededBudget(t, tokens.get('preparer') as TSignedIn, 2021);
    await t.http().post(`/api/budgets/${published.id}/submit`).set(as('preparer')).expect(200);
    await t.http().post(`/api/budgets/${published.id}/approve`).set(as('reviewer')).send(APPROVAL).expect(200);
    const publication = await t.http().post(`/api/budgets/${published.id}/publish`).set(as('publisher')).expect(200);
    const budget = await createSeededBudget(t, tokens.get('preparer') as TSignedIn, 2020);
    await t.http().post(`/api/budgets/${budget.id}/submit`).set(as('preparer')).expect(200);
    const bureauCode = '000777';
    await t.http().put(`/api/admin/bureaus/${bureauCode}`).set(as('admin')).send({ name: '矩阵财政局', departments: [] }).expect(200);
    const unit = await t.http().post(`/api/departments/${t.people.departments.home.id}/units`).set(as('admin')).send({ code: '019001001', name: '本级' }).expect(201);
    ctx = {
      budgetId: budget.id,
      homeDepartmentId: t.people.departments.home.id,
      homeUnitCode: (unit.body as { code: string }).code,
      bureauCode,
      users: t.people.users,
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
    // Some 600 requests one after the other, on a machine shared with other test files.
  }, 180_000);

  it('lists only what each caller may see', async () => {
    const desk = (name: TPrincipal): boolean => PRINCIPALS[name].role !== 'security_admin' && PRINCIPALS[name].role !== 'auditor';
    const visible = async (name: TPrincipal) => {
      const res = await t.http().get('/api/budgets').set(tokens.get(name)?.headers ?? {}).expect(200);
      return (res.body as { items: { id: string }[] }).items.map((b) => b.id).includes(ctx.budgetId);
    };
    for (const name of Object.keys(PRINCIPALS) as TPrincipal[]) {
      if (name !== 'anonymous' && desk(name)) expect([name, await visible(name)]).toEqual([name, PRINCIPALS[name].seesHomeBudget]);
    }
  });

  it('never shows a draft to a reviewer, nor to another department', async () => {
    const draft = await t.http().post('/api/budgets').set(tokens.get('preparer2')?.headers ?? {}).send({ fiscalYear: 2021 }).expect(201);
    const id = (draft.body as { id: string }).id;
    for (const name of ['reviewer', 'reviewer_other', 'signer', 'preparer', 'publisher'] as const) {
      await t.http().get(`/api/budgets/${id}`).set(tokens.get(name)?.headers ?? {}).expect(404);
    }
    await t.http().get(`/api/budgets/${id}`).set(tokens.get('publisher2')?.headers ?? {}).expect(200);
  });
});
