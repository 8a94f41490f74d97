import { createTestApp, TTestApp } from '../utils/test-app';

let t: TTestApp;
let admin: { headers: { Authorization: string } };
/** 三员分立: the 安全审计员 reads the trail; the 系统管理员, whose actions it records, does not. */
let auditor: { headers: { Authorization: string } };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

describe("a user's sessions", () => {
  it('an administrator lists them and revokes one: that token stops working, the other goes on; both audited', async () => {
    const id = t.people.users.preparer.id;
    const first = await t.login('preparer');
    const second = await t.login('preparer');
    const listed = await t.http().get(`/api/users/${id}/sessions`).set(admin.headers).expect(200);
    expect(listed.body.length).toBeGreaterThanOrEqual(2);
    expect(listed.body[0]).toEqual({ id: expect.any(String), createdAt: expect.any(String), expiresAt: expect.any(String), ip: expect.any(String), userAgent: null });

    // the newest session is the second sign-in's
    await t.http().delete(`/api/users/${id}/sessions/${listed.body[0].id}`).set(admin.headers).expect(204);
    await t.http().get('/api/auth/me').set(second.headers).expect(401);
    await t.http().get('/api/auth/me').set(first.headers).expect(200);
    const after = await t.http().get(`/api/users/${id}/sessions`).set(admin.headers).expect(200);
    expect(after.body.map((s: { id: string }) => s.id)).not.toContain(listed.body[0].id);
    // revoked twice, or another user's session: 404 and nothing changes
    await t.http().delete(`/api/users/${id}/sessions/${listed.body[0].id}`).set(admin.headers).expect(404);
    await t.http().delete(`/api/users/${t.people.users.reviewer.id}/sessions/${after.body[0].id}`).set(admin.headers).expect(404);
    await t.http().get('/api/auth/me').set(first.headers).expect(200);

    await t.http().delete(`/api/users/${id}/sessions`).set(admin.headers).expect(204);
    await t.http().get('/api/auth/me').set(first.headers).expect(401);
    const entries = await t.dataSource.query(`SELECT actor, entity_id, payload FROM audit_log WHERE action = 'user.sessions.revoke' ORDER BY id`);
    expect(entries).toEqual([
      { actor: 'admin', entity_id: id, payload: { session: listed.body[0].id } },
      { actor: 'admin', entity_id: id, payload: { session: 'all' } },
    ]);
  });

  it('only administrators see or revoke sessions; an unknown user is 404', async () => {
    const reviewer = await t.login('reviewer');
    await t.http().get(`/api/users/${t.people.users.preparer.id}/sessions`).set(reviewer.headers).expect(403);
    await t.http().delete(`/api/users/${t.people.users.preparer.id}/sessions`).set(reviewer.headers).expect(403);
    await t.http().get('/api/users/00000000-0000-4000-8000-000000000000/sessions').set(admin.headers).expect(404);
    await t.http().get('/api/users/not-a-uuid/sessions').set(admin.headers).expect(400);
  });
});

describe('the audit trail searched by the auditor', () => {
  it('a user edit is found by who, what and object, with each field old → new and no password', async () => {
    const id = t.people.users.reviewer2.id;
    await t.http().patch(`/api/users/${id}`).set(admin.headers).send({ displayName: '新名字', reviewScope: ['999001'], password: 'a-secret-password' }).expect(200);
    const res = await t.http().get('/api/audit').query({ actor: 'admin', action: 'user.', entity: 'user', entityId: id }).set(auditor.headers).expect(200);
    expect(res.body.entries[0]).toMatchObject({ actor: 'admin', action: 'user.update', entity: 'user', entityId: id });
    expect(res.body.entries[0].payload.changes).toEqual({
      displayName: { from: expect.any(String), to: '新名字' },
      reviewScope: { from: 'all', to: ['999001'] },
      password: { from: '***', to: '***' },
    });
    expect(JSON.stringify(res.body)).not.toContain('a-secret-password');
    expect(res.body.entries.every((e: { actor: string; action: string }) => e.actor === 'admin' && e.action.startsWith('user.'))).toBe(true);
  });

  it('names the ids its entries carry (users, departments, budgets), so that a reader sees names, not UUIDs', async () => {
    const preparer = await t.login('preparer');
    const created = await t.http().post('/api/budgets').set(preparer.headers).send({ fiscalYear: 2021 }).expect(201);
    const res = await t.http().get('/api/audit').query({ action: 'budget.create', entityId: created.body.id }).set(auditor.headers).expect(200);
    const [entry] = res.body.entries;
    const department = entry.payload.departmentId as string;
    expect(res.body.names).toEqual({
      [created.body.id]: expect.stringMatching(/ 2021年$/),
      [department]: expect.any(String),
    });
    const [row] = await t.dataSource.query(`SELECT name FROM departments WHERE id = $1`, [department]);
    expect(res.body.names[department]).toBe(row.name);
    expect(res.body.names[created.body.id]).toBe(`${row.name} 2021年`);
    const logins = await t.http().get('/api/audit').query({ action: 'auth.login', entityId: t.people.users.preparer.id, limit: 1 }).set(auditor.headers).expect(200);
    // The user by username; the session has no name and is not named.
    expect(logins.body.names).toEqual({ [t.people.users.preparer.id]: 'preparer' });
  });

  it('pages newest first without gaps or repeats, and filters by time', async () => {
    const all = await t.http().get('/api/audit').query({ limit: 200 }).set(auditor.headers).expect(200);
    const ids: string[] = [];
    let before: string | undefined;
    do {
      const page = await t.http().get('/api/audit').query({ limit: 3, ...(before === undefined ? {} : { before }) }).set(auditor.headers).expect(200);
      expect(page.body.entries.length).toBeLessThanOrEqual(3);
      ids.push(...page.body.entries.map((e: { id: string }) => e.id));
      before = page.body.next ?? undefined;
    } while (before !== undefined);
    expect(ids).toEqual(all.body.entries.map((e: { id: string }) => e.id));
    expect(ids.map(BigInt)).toEqual([...ids.map(BigInt)].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const future = await t.http().get('/api/audit').query({ from: '2999-01-01T00:00:00Z' }).set(auditor.headers).expect(200);
    expect(future.body).toEqual({ entries: [], names: {}, next: null });
    // a LIKE wildcard in the action is a literal, not a pattern
    const wildcard = await t.http().get('/api/audit').query({ action: '%' }).set(auditor.headers).expect(200);
    expect(wildcard.body.entries).toEqual([]);
  });

  it('only the auditor searches it: the system and security administrators and the budget roles get 403; bad filters are 400 naming the field', async () => {
    for (const who of ['admin', 'secadmin', 'preparer', 'reviewer', 'publisher'] as const) {
      const s = await t.login(who);
      for (const path of ['/api/audit', '/api/audit/verify']) {
        const res = await t.http().get(path).query({ actor: 'admin' }).set(s.headers);
        expect([who, path, res.status, res.body]).toEqual([who, path, 403, expect.objectContaining({ status: 403, code: 'FORBIDDEN', type: '/problems/forbidden' })]);
      }
    }
    await t.http().get('/api/audit').expect(401);
    for (const [query, field] of [[{ limit: 0 }, 'limit'], [{ from: 'yesterday' }, 'from'], [{ before: 'x' }, 'before'], [{ actor: 'a\u0000b' }, 'actor']] as const) {
      const res = await t.http().get('/api/audit').query(query).set(auditor.headers).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
  });
});

describe("a budget's audit entries", () => {
  it("are the budget's own trail for its people, and the auditor's in the whole trail; the system administrator reads neither", async () => {
    const preparer = await t.login('preparer');
    const created = await t.http().post('/api/budgets').set(preparer.headers).send({ fiscalYear: 2020 }).expect(201);
    const own = await t.http().get(`/api/budgets/${created.body.id}/audit`).set(preparer.headers).expect(200);
    expect(own.body.items).toEqual([expect.objectContaining({ actor: 'preparer', action: 'budget.create', budgetId: created.body.id })]);
    const refused = await t.http().get(`/api/budgets/${created.body.id}/audit`).set(admin.headers).expect(403);
    expect(refused.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // Another department's preparer, and the bureau's reviewer while it is a draft, do not learn the budget exists.
    for (const who of ['preparer2', 'reviewer'] as const) await t.http().get(`/api/budgets/${created.body.id}/audit`).set((await t.login(who)).headers).expect(404);
    const trail = await t.http().get('/api/audit').query({ budgetId: created.body.id }).set(auditor.headers).expect(200);
    expect(trail.body.entries).toEqual([expect.objectContaining({ actor: 'preparer', action: 'budget.create', budgetId: created.body.id })]);
  });
});

describe("the separated administrators' accounts", () => {
  it.each(['auditor', 'secadmin'] as const)('the system administrator cannot set the %s’s password (it would sign in as them), and nothing changes', async (who) => {
    const id = t.people.users[who].id;
    const res = await t.http().patch(`/api/users/${id}`).set(admin.headers).send({ password: 'admin-knows-this-one', displayName: '改名' }).expect(403);
    expect(res.body).toMatchObject({ status: 403, code: 'FORBIDDEN', errors: [{ path: 'password', message: expect.any(String) }] });
    await expect(t.login(who, 'admin-knows-this-one')).rejects.toThrow(/answered 401/);
    await t.login(who);
    const [row] = await t.dataSource.query(`SELECT display_name FROM users WHERE id = $1`, [id]);
    expect(row.display_name).not.toBe('改名');
    // What is not a way in stays the administrator's: the name, the sessions.
    await t.http().patch(`/api/users/${id}`).set(admin.headers).send({ displayName: '审计员（改名）' }).expect(200);
  });
});
