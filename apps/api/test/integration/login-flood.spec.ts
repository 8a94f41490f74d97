import { createTestApp, type TTestApp } from '../utils/test-app';

/** Failed sign-ins, as a guessing script sends them: many at once, for a known and an unknown name. */
async function flood(t: TTestApp, username: string, attempts: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < attempts; sent += 20) {
    const batch = Array.from({ length: Math.min(20, attempts - sent) }, (_, i) =>
      fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: `guess-${sent + i}` }) }).then((r) => r.status),
    );
    statuses.push(...(await Promise.all(batch)));
  }
  return statuses;
}

interface TEntry {
  action: string;
  entity_id: string;
  payload: Record<string, unknown>;
}

describe('a flood of failed sign-ins', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const entriesSince = async (id: string): Promise<TEntry[]> =>
    t.dataSource.query(`SELECT action, entity_id, payload FROM audit_log WHERE id > $1 AND action LIKE 'auth.login%' ORDER BY id`, [id]);
  const lastId = async (): Promise<string> => ((await t.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM audit_log`)) as [{ id: string }])[0].id;

  it('is counted for the throttle, audited once per name and address, then summarised with its count; the chain verifies', async () => {
    const ATTEMPTS = 200;
    const start = await lastId();
    const statuses = [...(await flood(t, 'preparer', ATTEMPTS)), ...(await flood(t, 'nobody', ATTEMPTS))];
    // The throttle still counts and refuses: 5 wrong passwords per pair, then 429.
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * ATTEMPTS - 10);
    const attempts = (await t.dataSource.query(`SELECT username, count(*)::int AS n FROM login_attempts GROUP BY username ORDER BY username`)) as { username: string; n: number }[];
    expect(attempts).toEqual([
      { username: 'nobody', n: 5 },
      { username: 'preparer', n: 5 },
    ]);

    // 400 attempts: one entry for each pair's first failure, not one per attempt.
    const during = await entriesSince(start);
    expect(during.map((e) => [e.action, e.entity_id, e.payload['ip']])).toEqual([
      ['auth.login.failed', 'preparer', expect.any(String)],
      ['auth.login.failed', 'nobody', expect.any(String)],
    ]);

    // The window is over (as 15 minutes later); the next failure, of anyone, summarises it.
    await t.dataSource.query(`UPDATE login_failure_windows SET window_start = window_start - interval '15 minutes'`);
    const before = await lastId();
    expect(await flood(t, 'someone-else', 1)).toEqual([401]);
    const after = await entriesSince(before);
    expect(after.map((e) => [e.action, e.entity_id])).toEqual([
      ['auth.login.failed', 'someone-else'],
      ['auth.login.failed.summary', 'preparer'],
      ['auth.login.failed.summary', 'nobody'],
    ]);
    for (const summary of after.slice(1)) expect(summary.payload).toMatchObject({ refused: 5, throttled: ATTEMPTS - 5, windowStart: expect.any(String), windowEnd: expect.any(String) });
    // Once: a later failure does not summarise the same window again.
    const again = await lastId();
    await flood(t, 'someone-else', 1);
    expect((await entriesSince(again)).map((e) => e.action)).toEqual([]);

    const auditor = await t.login('auditor');
    const verdict = await t.http().get('/api/audit/verify').set(auditor.headers).expect(200);
    expect(verdict.body).toMatchObject({ ok: true });
  }, 120_000);
});
