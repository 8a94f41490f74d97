import type { DataSource } from 'typeorm';
import { PurgeOutboxJob } from '../../src/queue/purge-outbox.job';
import { openTestDataSource, type TTestDataSource } from '../utils/test-database';

let db: TTestDataSource;
let ds: DataSource;

beforeAll(async () => {
  db = await openTestDataSource();
  ds = db.ds;
});

afterAll(() => db.close());

/** One outbox row per case, told apart by its payload; `done` is an SQL interval relative to now, null for not done. */
async function insertRows(): Promise<void> {
  const cases: [name: string, created: string, done: string | null][] = [
    ['done-31-days-ago', '-40 days', '-31 days'],
    ['done-yesterday', '-40 days', '-1 day'],
    ['never-done-from-40-days-ago', '-40 days', null],
    ['just-written', '0 days', null],
  ];
  for (const [name, created, done] of cases) {
    await ds.query(
      `INSERT INTO outbox (topic, payload, created_at, processed_at, done_at)
       VALUES ('budget.notify', $1, now() + $2::interval, now() + $2::interval, now() + $3::interval)`,
      [JSON.stringify({ name }), created, done],
    );
  }
}

async function remaining(): Promise<string[]> {
  const rows: { name: string }[] = await ds.query(`SELECT payload->>'name' AS name FROM outbox ORDER BY name`);
  return rows.map((row) => row.name);
}

describe('purging the outbox', () => {
  it('deletes rows done over 30 days ago; keeps recent ones and, whatever their age, rows still to do', async () => {
    await insertRows();
    expect(await new PurgeOutboxJob(ds).handle()).toBe('1 done outbox rows purged');
    expect(await remaining()).toEqual(['done-yesterday', 'just-written', 'never-done-from-40-days-ago']);
    expect(await new PurgeOutboxJob(ds).handle()).toBe('0 done outbox rows purged');
  });
});
