import type { DataSource } from 'typeorm';
import type { TRole } from '../../src/common/auth/role';
import { DepartmentsRepository } from '../../src/modules/departments/departments.repository';
import { NotifyJob } from '../../src/modules/notifications/jobs/notify.job';
import { NotificationsRepository } from '../../src/modules/notifications/notifications.repository';
import { StatutoryClockJob } from '../../src/modules/publications/jobs/statutory-clock.job';
import { UsersRepository } from '../../src/modules/users/users.repository';
import { outboxJobData } from '../../src/queue/job-registry';
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
    expect(await clock.handle(NOW)).toBe('2 warned, 1 overdue; units: 0 warned, 0 overdue');
    const expected = [`${near} deadline-near publishers`, `${overdue} deadline-near publishers`, `${overdue} deadline-overdue reviewers`].sort();
    expect(await notices()).toEqual(expected);
    expect(fresh).not.toBe('');
    // The hourly runs after that add nothing.
    expect(await clock.handle(NOW)).toBe('0 warned, 0 overdue; units: 0 warned, 0 overdue');
    expect(await notices()).toEqual(expected);
  });
});

describe("the statutory clock of the 二级单位's 单位预算 (the same 20 days from the department's 批复)", () => {
  const departments = new DepartmentsRepository();
  const users = new UsersRepository();

  async function department(code: string, name: string): Promise<string> {
    return (await departments.insert(ds.manager, { code, name })).id;
  }

  async function unit(departmentId: string, code: string, name: string): Promise<void> {
    await departments.insertUnit(ds.manager, { departmentId, code, name });
    await ds.query(`UPDATE budget_units SET level = 'subordinate' WHERE code = $1`, [code]);
  }

  async function user(username: string, role: TRole, at: { departmentId?: string; unitCode?: string; review?: string[] } = {}): Promise<void> {
    await users.insert(ds.manager, {
      username,
      displayName: username,
      passwordHash: 'x',
      role,
      departmentId: at.departmentId ?? null,
      unitCode: at.unitCode ?? null,
      reviewAll: false,
      reviewDepartmentIds: at.review ?? [],
    });
  }

  /** A 部门预算 with its 批复 date, published (its own clock stopped) under `template`. */
  async function replied(departmentId: string, fiscalYear: number, repliedOn: string, template: string): Promise<string> {
    const [row] = (await ds.query(
      `INSERT INTO budgets (department_id, fiscal_year, state, round, version, revision_no, document, replied_on)
       VALUES ($1, $2, 'published', 'replied', 3, 1, jsonb_build_object('template', $4::text), $3::date) RETURNING id`,
      [departmentId, fiscalYear, repliedOn, template],
    )) as { id: string }[];
    return row!.id;
  }

  /** A unit's own budget, approved by its department (and published when `publishedAt` is given). */
  async function unitBudget(departmentId: string, fiscalYear: number, unitCode: string, publishedAt?: string): Promise<string> {
    const [row] = (await ds.query(
      `INSERT INTO budgets (department_id, fiscal_year, unit_code, state, round, version, revision_no, document)
       VALUES ($1, $2, $3, $4, 'unit', 2, 1, '{}') RETURNING id`,
      [departmentId, fiscalYear, unitCode, publishedAt === undefined ? 'approved' : 'published'],
    )) as { id: string }[];
    const id = row!.id;
    if (publishedAt !== undefined) {
      await ds.query(
        `INSERT INTO revisions (budget_id, revision_no, budget_version, document, disclosure, findings, sha256, submitted_by, editors)
         VALUES ($1, 1, 2, '{}', '{}', '[]', repeat('a', 64), $2, ARRAY[$2]::uuid[])`,
        [id, people.users.preparer.id],
      );
      await ds.query(
        `INSERT INTO publications (budget_id, version_no, revision_no, department_id, fiscal_year, published_by, unit_code, published_at)
         VALUES ($1, 1, 1, $2, $3, $4, $5, $6::timestamptz)`,
        [id, departmentId, fiscalYear, people.users.publisher.id, unitCode, publishedAt],
      );
    }
    return id;
  }

  /** Works the notify rows still to do, as the worker does, then answers every unit notice: "who action unit due budget". */
  async function unitNotifications(): Promise<string[]> {
    const notify = new NotifyJob(ds);
    const rows: { id: string; topic: string; payload: Record<string, unknown>; request_id: string | null }[] = await ds.query(
      `SELECT id::text, topic, payload, request_id FROM outbox WHERE topic = 'budget.notify' AND done_at IS NULL ORDER BY id`,
    );
    for (const row of rows) await notify.handle(outboxJobData(row));
    const sent: { line: string }[] = await ds.query(
      `SELECT concat_ws(' ', u.username, n.action, n.unit_code, to_char(n.due_on, 'YYYY-MM-DD'), n.budget_id) AS line
       FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.action LIKE 'unit-%'`,
    );
    return sent.map((row) => row.line).sort();
  }

  it("tells the unit's preparers and the department's publishers in the last 5 days, its reviewers once overdue, nobody out of scope, each once", async () => {
    // 教育局 (Shanghai's template): 第一中学 and 幼儿园 owe their 单位预算 within 20 days of the 2021-03-01 批复,
    // the 幼儿园 published on time; 卫健委's 社区医院 within 20 days of 2021-03-15, under Hubei's template the year before too.
    const edu = await department('030001', '示例教育局');
    const health = await department('040001', '示例卫健委');
    await unit(edu, '030001002', '示例第一中学');
    await unit(edu, '030001003', '示例幼儿园');
    await unit(edu, '030001004', '示例少年宫'); // no budget of its own this year: its notices are about the 部门预算
    await unit(health, '040001002', '示例社区医院');
    await user('school_prep', 'preparer', { departmentId: edu, unitCode: '030001002' });
    await user('kinder_prep', 'preparer', { departmentId: edu, unitCode: '030001003' });
    await user('palace_prep', 'preparer', { departmentId: edu, unitCode: '030001004' });
    await user('edu_prep', 'preparer', { departmentId: edu });
    await user('edu_pub', 'publisher', { departmentId: edu });
    await user('clinic_prep', 'preparer', { departmentId: health, unitCode: '040001002' });
    await user('health_pub', 'publisher', { departmentId: health });
    await user('edu_reviewer', 'reviewer', { review: [edu] });
    await user('health_reviewer', 'reviewer', { review: [health] });
    const eduBudget = await replied(edu, 2021, '2021-03-01', 'shanghai-district'); // due 2021-03-21: overdue on 2021-04-01
    const school = await unitBudget(edu, 2021, '030001002');
    await unitBudget(edu, 2021, '030001003', '2021-03-10T02:00:00Z');
    await replied(health, 2021, '2021-03-15', 'shanghai-district'); // due 2021-04-04: 3 days left
    const clinic = await unitBudget(health, 2021, '040001002');
    await replied(health, 2020, '2020-03-01', 'hubei-2020');
    await unitBudget(health, 2020, '040001002');

    const clock = new StatutoryClockJob(ds);
    expect(await clock.handle(NOW)).toBe('0 warned, 0 overdue; units: 3 warned, 2 overdue');
    // reviewer and reviewer2 review every department
    const expected = [
      `school_prep unit-deadline-near 030001002 2021-03-21 ${school}`,
      `edu_pub unit-deadline-near 030001002 2021-03-21 ${school}`,
      `school_prep unit-deadline-overdue 030001002 2021-03-21 ${school}`,
      ...['edu_reviewer', 'reviewer', 'reviewer2'].map((r) => `${r} unit-deadline-overdue 030001002 2021-03-21 ${eduBudget}`),
      // the 少年宫's preparers have no budget of theirs to open; the publishers and reviewers open the 部门预算
      `edu_pub unit-deadline-near 030001004 2021-03-21 ${eduBudget}`,
      ...['edu_reviewer', 'reviewer', 'reviewer2'].map((r) => `${r} unit-deadline-overdue 030001004 2021-03-21 ${eduBudget}`),
      `clinic_prep unit-deadline-near 040001002 2021-04-04 ${clinic}`,
      `health_pub unit-deadline-near 040001002 2021-04-04 ${clinic}`,
    ].sort();
    expect(await unitNotifications()).toEqual(expected);

    // What the school's preparer reads: the unit and its last day, about the budget they can open.
    const [read] = await new NotificationsRepository().listForUser(ds.manager, (await users.findByUsername(ds.manager, 'school_prep'))!.id, { all: false, departmentIds: [edu] }, 10);
    expect(read).toMatchObject({ budgetId: school, action: 'unit-deadline-overdue', unitName: '示例第一中学', dueOn: '2021-03-21' });

    // The hourly runs after that add nothing; a day later neither.
    expect(await clock.handle(NOW)).toBe('0 warned, 0 overdue; units: 0 warned, 0 overdue');
    expect(await clock.handle(new Date(NOW.getTime() + 86_400_000))).toBe('0 warned, 0 overdue; units: 0 warned, 0 overdue');
    expect(await unitNotifications()).toEqual(expected);
  });
});
