import { createTestApp, TSignedIn, TTestApp } from '../utils/test-app';
import { TTestUsername } from '../utils/seed-people';

let t: TTestApp;
const sessions = {} as Record<TTestUsername, TSignedIn>;
/** Those who work on budgets; the security administrator and the auditor (三员) see none of the desks' routes. */
const DESK: TTestUsername[] = ['admin', 'preparer', 'publisher', 'reviewer', 'reviewer_other', 'preparer2'];
const PRINCIPALS: TTestUsername[] = [...DESK, 'secadmin', 'auditor'];

beforeAll(async () => {
  t = await createTestApp();
  for (const who of PRINCIPALS) sessions[who] = await t.login(who);
});
afterAll(() => t.close());

type TMethod = 'get' | 'post' | 'patch' | 'put';
interface TRouteCase {
  method: TMethod;
  path: () => string;
  body?: unknown;
  /** Who gets through the guard; everyone else signed in gets 403, anonymous 401. */
  allowed: 'all' | readonly TTestUsername[];
  /** What an allowed caller gets when it is not the usual 200 (or 400 for an empty body). */
  status?: number;
}

const home = () => t.people.departments.home.id;
const ROUTES: TRouteCase[] = [
  { method: 'get', path: () => '/api/auth/me', allowed: 'all' },
  { method: 'post', path: () => '/api/auth/password', body: {}, allowed: 'all' },
  { method: 'post', path: () => '/api/auth/totp/enrolment/confirm', body: {}, allowed: 'all' },
  { method: 'get', path: () => '/api/users', allowed: ['admin', 'secadmin'] },
  { method: 'patch', path: () => `/api/users/${t.people.users.preparer.id}/role`, body: {}, allowed: ['secadmin'] },
  { method: 'post', path: () => `/api/users/${t.people.users.publisher2.id}/totp/reset`, allowed: ['secadmin'], status: 204 },
  { method: 'post', path: () => '/api/users', body: {}, allowed: ['admin'] },
  { method: 'patch', path: () => `/api/users/${t.people.users.preparer.id}`, body: {}, allowed: ['admin'] },
  { method: 'get', path: () => '/api/departments', allowed: DESK },
  { method: 'post', path: () => '/api/departments', body: {}, allowed: ['admin'] },
  { method: 'patch', path: () => `/api/departments/${home()}`, body: {}, allowed: ['admin'] },
  { method: 'get', path: () => `/api/departments/${home()}/units`, allowed: DESK },
  { method: 'post', path: () => `/api/departments/${home()}/units`, body: {}, allowed: ['admin'] },
  { method: 'get', path: () => '/api/fiscal-years', allowed: DESK },
  { method: 'put', path: () => '/api/fiscal-years/2020', body: {}, allowed: ['admin'] },
  { method: 'get', path: () => '/api/catalogue/2020/economic', allowed: DESK },
  { method: 'get', path: () => '/api/catalogue/2020', allowed: DESK },
  { method: 'post', path: () => '/api/catalogue/2020/uploads', body: {}, allowed: ['admin'] },
  // 三员分立: the audit trail is the auditor's alone, not the system administrator's whose actions it records.
  { method: 'get', path: () => '/api/audit/verify', allowed: ['auditor'] },
  { method: 'get', path: () => '/api/audit?action=auth.', allowed: ['auditor'] },
  { method: 'get', path: () => `/api/users/${t.people.users.publisher2.id}/sessions`, allowed: ['admin'] },
];

/** What the rules say for a caller who passes the guard: own data, validation errors, or the same 404 as a missing object. */
function expectedWhenAllowed(route: TRouteCase, who: TTestUsername): number[] {
  if (route.status !== undefined) return [route.status];
  if (route.body !== undefined) return [400];
  const foreignHome = route.path().includes(home()) && (who === 'preparer2' || who === 'reviewer_other');
  return foreignHome ? [404] : [200];
}

describe('platform routes × principals', () => {
  it('anonymous 401, wrong role 403, foreign department 404, the rest as the rules say', async () => {
    let cases = 0;
    const wrong: string[] = [];
    for (const route of ROUTES) {
      const call = (headers?: Record<string, string>) => {
        const req = t.http()[route.method](route.path());
        if (headers) req.set(headers);
        return route.body === undefined ? req : req.send(route.body as object);
      };
      const anonymous = await call();
      cases += 1;
      if (anonymous.status !== 401) wrong.push(`anonymous ${route.method} ${route.path()} → ${anonymous.status}`);
      for (const who of PRINCIPALS) {
        const res = await call(sessions[who].headers);
        cases += 1;
        const expected = route.allowed === 'all' || route.allowed.includes(who) ? expectedWhenAllowed(route, who) : [403];
        if (!expected.includes(res.status)) wrong.push(`${who} ${route.method} ${route.path()} → ${res.status}, expected ${expected.join('|')}`);
      }
    }
    console.log(`platform access matrix: ${cases} cases (${ROUTES.length} routes × ${PRINCIPALS.length + 1} principals)`);
    expect(wrong).toEqual([]);
  });
});
