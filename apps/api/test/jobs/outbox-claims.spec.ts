import type { DataSource } from 'typeorm';
import { OutboxClaims } from '../../src/queue/in-process/outbox-claims';
import { JOB_ATTEMPTS } from '../../src/queue/job-options';
import { openTestDataSource, type TTestDataSource } from '../utils/test-database';
import { insertOutbox } from './jobs-fixtures';

let db: TTestDataSource;
let ds: DataSource;
let claims: OutboxClaims;
const NOTIFY = ['budget.notify'];

beforeAll(async () => {
  db = await openTestDataSource({ poolSize: 6 });
  ds = db.ds;
  claims = new OutboxClaims(ds);
});

afterAll(() => db.close());

beforeEach(() => ds.query(`DELETE FROM outbox`));

async function rowOf(id: string): Promise<{ attempts: number; leased: boolean; dead: boolean; last_error: string | null }> {
  const rows: { attempts: number; leased: boolean; dead: boolean; last_error: string | null }[] = await ds.query(
    `SELECT attempts, coalesce(locked_until > now(), false) AS leased, failed_at IS NOT NULL AS dead, last_error FROM outbox WHERE id = $1`,
    [id],
  );
  if (rows[0] === undefined) throw new Error(`no row ${id}`);
  return rows[0];
}

describe('claims of outbox rows by the in-process driver', () => {
  it('hands each row to one claimer only, however many claim at once', async () => {
    const ids: string[] = [];
    for (let k = 0; k < 60; k += 1) ids.push(await insertOutbox(ds, 'budget.notify', { budgetId: 'b' }));
    const rounds = await Promise.all(Array.from({ length: 6 }, () => claims.claim(NOTIFY, {}, 15, 60_000)));
    const claimed = rounds.flat().map((row) => row.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
    // Leased rows are not claimed again while their lease runs.
    expect(await claims.claim(NOTIFY, {}, 100, 60_000)).toEqual([]);
  });

  it('claims only the topics asked for, and a held-back topic only once its delay has passed', async () => {
    const totals = await insertOutbox(ds, 'budget.totals', { budgetId: 'b' });
    const notify = await insertOutbox(ds, 'budget.notify', { budgetId: 'b' });
    expect((await claims.claim(NOTIFY, {}, 10, 60_000)).map((row) => row.id)).toEqual([notify]);
    expect(await claims.claim(['budget.totals'], { 'budget.totals': 3600_000 }, 10, 60_000)).toEqual([]);
    expect((await claims.claim(['budget.totals'], { 'budget.totals': 0 }, 10, 60_000)).map((row) => row.id)).toEqual([totals]);
  });

  it('waits out the backoff after a failure, and buries a row on its last failed attempt', async () => {
    const id = await insertOutbox(ds, 'budget.notify', { budgetId: 'b' });
    expect(await claims.claim(NOTIFY, {}, 1, 60_000)).toEqual([expect.objectContaining({ id, attempts: 1 })]);
    await claims.fail(id, 'first', false, 3600_000);
    expect(await rowOf(id)).toEqual({ attempts: 1, leased: false, dead: false, last_error: 'first' });
    expect(await claims.claim(NOTIFY, {}, 1, 60_000)).toEqual([]);
    await ds.query(`UPDATE outbox SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await claims.claim(NOTIFY, {}, 1, 60_000)).toEqual([expect.objectContaining({ id, attempts: 2 })]);
    await claims.fail(id, 'for good', true, 0);
    expect(await rowOf(id)).toEqual({ attempts: 2, leased: false, dead: true, last_error: 'for good' });
    expect(await claims.claim(NOTIFY, {}, 1, 60_000)).toEqual([]);
    expect((await claims.dead(10)).map((row) => row.id)).toEqual([id]);
  });

  it('claims again a row whose lease ran out, and buries one abandoned during its last attempt', async () => {
    const id = await insertOutbox(ds, 'budget.notify', { budgetId: 'b' });
    await claims.claim(NOTIFY, {}, 1, 60_000);
    // The claiming process died: its lease runs out unrenewed.
    await ds.query(`UPDATE outbox SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await claims.buryAbandoned()).toBe(0);
    // The driver that still runs it (a long render kept its renewal back) does not claim it again; another does.
    expect(await claims.claim(NOTIFY, {}, 1, 60_000, [id])).toEqual([]);
    expect(await claims.claim(NOTIFY, {}, 1, 60_000)).toEqual([expect.objectContaining({ id, attempts: 2 })]);
    await ds.query(`UPDATE outbox SET attempts = $2, locked_until = now() - interval '1 second' WHERE id = $1`, [id, JOB_ATTEMPTS]);
    expect(await claims.claim(NOTIFY, {}, 1, 60_000)).toEqual([]);
    expect(await claims.buryAbandoned([id])).toBe(0);
    expect(await claims.buryAbandoned()).toBe(1);
    expect(await rowOf(id)).toEqual({ attempts: JOB_ATTEMPTS, leased: false, dead: true, last_error: 'the process stopped during the last attempt' });
    // An administrator's retry gives it a full round again.
    expect(await claims.revive(id, ['budget.render-publication'])).toBe(false);
    expect(await claims.revive(id, NOTIFY)).toBe(true);
    expect(await claims.claim(NOTIFY, {}, 1, 60_000)).toEqual([expect.objectContaining({ id, attempts: 1 })]);
  });
});
