import type { DataSource } from 'typeorm';
import { StatutoryClockJob } from '../../src/modules/publications/jobs/statutory-clock.job';
import { openTestDataSource, type TTestDataSource } from '../utils/test-database';
import { seedPeople, type TSeededPeople } from '../utils/seed-people';

let db: TTestDataSource;
let ds: DataSource;
let people: TSeededPeople;
const NOW = new Date('2021-04-01T09:00:00Z');

beforeAll(async () => {
  db = await openTestDataSource();
  ds = db.ds;
  people = await seedPeople(ds);
});

afterAll(() => db.close());

/** A budget approved `days` before NOW (an approved budget's last change is its approval). */
async function approvedDaysAgo(days: number, fiscalYear: number, department: 'home' | 'other' = 'home'): Promise<string> {
  const [row] = (await ds.query(
    `INSERT INTO budgets (department_id, fiscal_year, state, version, revision_no, document, updated_at)
     VALUES ($1, $2, 'approved', 3, 1, '{}', $3::timestamptz - make_interval(days => $4)) RETURNING id`,
    [people.departments[department].id, fiscalYear, NOW, days],
  )) as { id: string }[];
  return row?.id ?? '';
}

async function notices(): Promise<string[]> {
  const rows: { budgetId: string; action: string; who: string }[] = await ds.query(
    `SELECT payload->>'budgetId' AS "budgetId", payload->>'action' AS action, payload->>'who' AS who FROM outbox ORDER BY id`,
  );
  return rows.map((r) => `${r.budgetId} ${r.action} ${r.who}`).sort();
}

describe('the statutory clock (20 days from approval to publication)', () => {
  it('warns publishers in the last 5 days, tells reviewers once overdue, each once per approval', async () => {
    const fresh = await approvedDaysAgo(3, 2020);
    const near = await approvedDaysAgo(16, 2021);
    const overdue = await approvedDaysAgo(21, 2020, 'other');
    const clock = new StatutoryClockJob(ds);
    expect(await clock.handle(NOW)).toBe('2 warned, 1 overdue');
    const expected = [`${near} deadline-near publishers`, `${overdue} deadline-near publishers`, `${overdue} deadline-overdue reviewers`].sort();
    expect(await notices()).toEqual(expected);
    expect(fresh).not.toBe('');
    // The hourly runs after that add nothing.
    expect(await clock.handle(NOW)).toBe('0 warned, 0 overdue');
    expect(await notices()).toEqual(expected);
  });
});
