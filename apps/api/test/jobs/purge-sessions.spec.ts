import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PurgeSessionsJob } from '../../src/modules/auth/jobs/purge-sessions.job';
import { seedPeople, type TSeededPeople } from '../utils/seed-people';
import { openTestDataSource, type TTestDataSource } from '../utils/test-database';
import { JOB_DRIVERS, startTestJobs, stopTestJobs } from './job-drivers';
import { testQueuePrefix, waitFor } from './jobs-fixtures';

let db: TTestDataSource;
let ds: DataSource;
let people: TSeededPeople;

beforeAll(async () => {
  db = await openTestDataSource();
  ds = db.ds;
  people = await seedPeople(ds);
});

afterAll(() => db.close());

/** One session of each kind; `expires` and `revoked` are SQL intervals relative to now (revoked: null = never). */
async function insertSessions(): Promise<void> {
  const kinds: [name: string, expires: string, revoked: string | null][] = [
    ['expired-31-days-ago', '-31 days', null],
    ['revoked-31-days-ago', '8 hours', '-31 days'],
    ['expired-yesterday', '-1 day', null],
    ['revoked-yesterday', '8 hours', '-1 day'],
    ['live', '8 hours', null],
  ];
  for (const [name, expires, revoked] of kinds) {
    await ds.query(
      `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked_at, user_agent)
       VALUES ($1, $2, now() - interval '40 days', now() + $3::interval, now() + $4::interval, $5)`,
      [randomBytes(32).toString('hex'), people.users.preparer.id, expires, revoked, name],
    );
  }
}

/** Sign-in attempts 31 days and 1 day old, told apart by their username. */
async function insertAttempts(): Promise<void> {
  for (const age of ['31 days', '1 day']) {
    await ds.query(`INSERT INTO login_attempts (username, ip, succeeded, at) VALUES ($1, '127.0.0.1', false, now() - $2::interval)`, [`tried ${age} ago`, age]);
  }
}

async function remainingAttempts(): Promise<string[]> {
  const rows: { username: string }[] = await ds.query(`SELECT username FROM login_attempts ORDER BY username`);
  return rows.map((row) => row.username);
}

async function remaining(): Promise<string[]> {
  const rows: { name: string }[] = await ds.query(`SELECT user_agent AS name FROM sessions ORDER BY name`);
  return rows.map((row) => row.name);
}

describe('purging ended sessions', () => {
  beforeEach(async () => {
    await ds.query(`DELETE FROM sessions`);
    await ds.query(`DELETE FROM login_attempts`);
  });

  it('deletes sessions expired or revoked, and sign-in attempts made, over 30 days ago; keeps recent and live ones for the audit', async () => {
    await insertSessions();
    await insertAttempts();
    expect(await new PurgeSessionsJob(ds).handle()).toBe('2 sessions, 1 sign-in attempts purged');
    expect(await remaining()).toEqual(['expired-yesterday', 'live', 'revoked-yesterday']);
    expect(await remainingAttempts()).toEqual(['tried 1 day ago']);
    expect(await new PurgeSessionsJob(ds).handle()).toBe('0 sessions, 0 sign-in attempts purged');
  });

  it.each(JOB_DRIVERS)('runs as a repeatable job wherever the jobs run (%s)', async (driver) => {
    await insertSessions();
    const prefix = testQueuePrefix();
    const jobs = startTestJobs(driver, { dataSource: ds, prefix });
    try {
      await waitFor('the first purge', async () => (await remaining()).length === 3);
      expect(await remaining()).toEqual(['expired-yesterday', 'live', 'revoked-yesterday']);
    } finally {
      await stopTestJobs(jobs, prefix);
    }
  });
});
