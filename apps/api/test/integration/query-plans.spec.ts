import { generateBudget } from '@budgetflow/domain/testing';
import type { DataSource, EntityManager } from 'typeorm';
import type { TCaller } from '../../src/common/auth/caller';
import type { AuditChainer } from '../../src/modules/audit/audit-chainer';
import { AuditService } from '../../src/modules/audit/audit.service';
import { BudgetLinesRepository, type TLinesOf } from '../../src/modules/budgets/budget-lines.repository';
import { BudgetsRepository } from '../../src/modules/budgets/budgets.repository';
import { copyExpenditureLines } from '../../src/modules/budgets/expenditure-copy';
import { CommentsRepository } from '../../src/modules/comments/comments.repository';
import { NotificationsRepository } from '../../src/modules/notifications/notifications.repository';
import { PublicationsRepository } from '../../src/modules/public/publications.repository';
import { RevisionsRepository } from '../../src/modules/revisions/revisions.repository';
import { BudgetJobsService } from '../../src/modules/budgets/budget-jobs.service';
import { BureauDeskRepository } from '../../src/modules/bureau/bureau-desk.repository';
import type { QueueClient } from '../../src/queue/queue-client';
import { seedPeople, type TSeededPeople } from '../utils/seed-people';
import { openTestDataSource, type TTestDataSource } from '../utils/test-database';

/**
 * The plans of the queries the API's lists and pages run, on a database the size of a district: a
 * 10,000-line budget edited 3,000 times among 1,800 others and 1,200 of 二级单位, their revisions, outbox rows, audit
 * entries, comments and notifications, ANALYZEd. Each query is the repository's own SQL (recorded from the real
 * method, then EXPLAINed with its parameters), so a change to a query is checked with it.
 */

interface TPlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: TPlanNode[];
}

let db: TTestDataSource;
let ds: DataSource;
let people: TSeededPeople;
let bigBudget: string;
/** The big budget's lines, in the partition of its year (2020). */
let bigLines: TLinesOf;
let smallBudget: string;

/** A manager that records the statements a repository method sends instead of running them. */
function recorder(): { m: EntityManager; statements: { sql: string; params: unknown[] }[] } {
  const statements: { sql: string; params: unknown[] }[] = [];
  const m = { query: async (sql: string, params: unknown[] = []) => (statements.push({ sql, params }), []) } as unknown as EntityManager;
  return { m, statements };
}

async function plansOf(call: (m: EntityManager) => Promise<unknown>): Promise<TPlanNode[]> {
  const { m, statements } = recorder();
  await call(m);
  expect(statements.length).toBeGreaterThan(0);
  const plans: TPlanNode[] = [];
  for (const { sql, params } of statements) {
    const [row] = (await ds.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as [{ 'QUERY PLAN': [{ Plan: TPlanNode }] }];
    plans.push(row['QUERY PLAN'][0].Plan);
  }
  return plans;
}

function nodes(plan: TPlanNode): TPlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** How `table` is read in the plan: the index names (a bitmap scan's too), or 'Seq Scan'. */
function accessOf(plan: TPlanNode, table: string): string[] {
  return nodes(plan)
    .filter((n) => n['Relation Name'] === table)
    .map((n) => (n['Node Type'] === 'Seq Scan' ? 'Seq Scan' : (n['Index Name'] ?? n.Plans?.[0]?.['Index Name'] ?? n['Node Type'])));
}

/** The partitions of the line table `table` the plan reads, each with how (as accessOf); a partition is `${table}_y<year>` or `${table}_default`. */
function partitionsOf(plan: TPlanNode, table: string): { partition: string; access: string[] }[] {
  const partitions = [...new Set(nodes(plan).flatMap((n) => (n['Relation Name']?.startsWith(`${table}_`) === true ? [n['Relation Name']] : [])))];
  return partitions.map((partition) => ({ partition, access: accessOf(plan, partition) }));
}

function sorts(plan: TPlanNode): string[] {
  return nodes(plan)
    .map((n) => n['Node Type'])
    .filter((t) => t === 'Sort' || t === 'Incremental Sort');
}

function caller(role: TCaller['role'], departmentId: string | null): TCaller {
  return { userId: people.users.reviewer.id, username: 'x', role, departmentId, reviewDepartmentIds: 'all', sessionId: 's' } as TCaller;
}

beforeAll(async () => {
  db = await openTestDataSource({ poolSize: 4 });
  ds = db.ds;
  people = await seedPeople(ds);
  const submitter = people.users.preparer.id;
  // The years' line partitions, made as the admin API makes a fiscal year.
  await ds.query(`INSERT INTO fiscal_years (year) SELECT generate_series(2016, 2021) ON CONFLICT (year) DO NOTHING`);
  // 300 more departments, each with a budget for the years 2016–2021 (two revisions each), 20 lines each.
  await ds.query(`INSERT INTO departments (code, name) SELECT lpad((100000 + i)::text, 6, '0'), '单位' || i FROM generate_series(1, 300) i`);
  await ds.query(
    `INSERT INTO budgets (department_id, fiscal_year, state, version, revision_no, document)
     SELECT d.id, y, 'submitted', 3, 2, '{}'::jsonb FROM departments d, generate_series(2016, 2021) y`,
  );
  // A third of them with two 二级单位 each, and the units' own budgets of every year (单位预算).
  await ds.query(
    `INSERT INTO budget_units (department_id, code, name, level)
     SELECT d.id, d.code || u, d.name || '二级单位' || u, 'subordinate' FROM departments d, (VALUES ('01'), ('02')) v(u) WHERE d.code BETWEEN '100001' AND '100100'`,
  );
  await ds.query(
    `INSERT INTO budgets (department_id, fiscal_year, unit_code, state, round, version, revision_no, document)
     SELECT bu.department_id, y, bu.code, 'approved', 'unit', 3, 2, '{}'::jsonb FROM budget_units bu, generate_series(2016, 2021) y WHERE bu.level = 'subordinate'`,
  );
  [{ id: bigBudget }] = await ds.query(`SELECT b.id FROM budgets b JOIN departments d ON d.id = b.department_id WHERE d.code = '019001' AND b.fiscal_year = 2020`);
  [{ id: smallBudget }] = await ds.query(`SELECT id FROM budgets WHERE id <> $1 LIMIT 1`, [bigBudget]);
  bigLines = { id: bigBudget, fiscal_year: 2020 };
  await ds.query(
    `INSERT INTO expenditure_lines (budget_id, fiscal_year, line_id, ordinal, unit_code, function_code, economic_code, kind, fund_source, amount, changed_in)
     SELECT b.id, b.fiscal_year, 'L' || i, i, '019001', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', 100.00, 1
     FROM budgets b, generate_series(1, 20) i WHERE b.id <> $1`,
    [bigBudget],
  );
  await ds.query(`INSERT INTO removed_expenditure_lines (budget_id, line_id, removed_in) SELECT b.id, 'R' || n, n FROM budgets b, generate_series(1, 3) n`);
  await ds.query(`INSERT INTO income_lines (budget_id, fiscal_year, line_id, ordinal, source, amount) SELECT b.id, b.fiscal_year, 'I' || i, i, 'general-budget-appropriation', 10 FROM budgets b, generate_series(1, 3) i`);
  await ds.transaction((m) => copyExpenditureLines(m, bigLines, generateBudget({ lines: 10_000 }).expenditureLines));
  await ds.query(
    `INSERT INTO revisions (budget_id, revision_no, budget_version, document, disclosure, findings, sha256, submitted_by, editors)
     SELECT b.id, n, n, '{}', '{}', '[]', repeat('a', 64), $1, ARRAY[$1]::uuid[] FROM budgets b, generate_series(1, 2) n`,
    [submitter],
  );
  await ds.query(
    `INSERT INTO publications (budget_id, version_no, revision_no, department_id, fiscal_year, published_by)
     SELECT b.id, 1, 1, b.department_id, b.fiscal_year, $1 FROM budgets b`,
    [submitter],
  );
  await ds.query(`INSERT INTO outbox (topic, payload, processed_at, done_at) SELECT 'budget.totals', jsonb_build_object('budgetId', b.id, 'version', n), now(), now() FROM budgets b, generate_series(1, CASE WHEN b.id = $1 THEN 3000 ELSE 30 END) n`, [bigBudget]);
  await ds.query(
    // Placeholder hashes: the plans, not the chain, are under test here.
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, budget_id, payload, chain_no, prev_hash, hash)
     SELECT now(), 'preparer', 'budget.lines.edit', 'budget', b.id::text, b.id, '{}', row_number() OVER (), repeat('0', 64), md5(b.id::text || n) || md5(n || b.id::text)
     FROM budgets b, generate_series(1, CASE WHEN b.id = $1 THEN 3000 ELSE 30 END) n`,
    [bigBudget],
  );
  await ds.query(`INSERT INTO comments (budget_id, target_kind, body, author_id) SELECT b.id, 'budget', '请核实', $1 FROM budgets b, generate_series(1, 5) n`, [submitter]);
  await ds.query(
    `INSERT INTO notifications (user_id, budget_id, action, outbox_id) SELECT u.id, (o.payload->>'budgetId')::uuid, 'budget.submit', o.id FROM users u, outbox o WHERE o.id % 3 = 0`,
  );
  // Each budget derived and its desk figures kept, each department with its ceilings of each year.
  await ds.query(`INSERT INTO budget_derivations (budget_id, version, payload) SELECT id, version, '{}' FROM budgets`);
  await ds.query(
    `INSERT INTO budget_figures (budget_id, version, figures, classes, error_count, warning_count)
     SELECT id, version, '{}', '{}', 0, 0 FROM budgets`,
  );
  await ds.query(
    `INSERT INTO department_ceilings (department_id, fiscal_year, ceilings, issued_by)
     SELECT DISTINCT department_id, fiscal_year, '{}'::jsonb, $1::uuid FROM budgets`,
    [people.users.reviewer.id],
  );
  await ds.query('ANALYZE');
}, 120_000);
afterAll(() => db.close());

describe('the query plans of the lists and pages the API reads', () => {
  it("a page of a 10,000-line budget reads its 200 lines from its year's partition alone, by the (budget_id, ordinal) index, no sort", async () => {
    const lines = new BudgetLinesRepository();
    for (const page of [1, 20]) {
      const [plan] = await plansOf((m) => lines.expenditurePage(m, bigLines, page, 200));
      expect(partitionsOf(plan!, 'expenditure_lines')).toEqual([{ partition: 'expenditure_lines_y2020', access: ['expenditure_lines_y2020_budget_id_ordinal_idx'] }]);
      expect(sorts(plan!)).toEqual([]);
    }
    // Read whole, the budget is most of its year's partition here: how to read it is the planner's choice, where to read it is not.
    const [whole] = await plansOf((m) => lines.loadExpenditure(m, bigLines));
    expect(partitionsOf(whole!, 'expenditure_lines').map((p) => p.partition)).toEqual(['expenditure_lines_y2020']);
    const [income] = await plansOf((m) => lines.loadIncome(m, bigLines));
    expect(partitionsOf(income!, 'income_lines')).toEqual([{ partition: 'income_lines_y2020', access: [expect.not.stringMatching(/Seq Scan/)] }]);
  });

  it("the worker's lines changed since a version read by index", async () => {
    const lines = new BudgetLinesRepository();
    const [changed] = await plansOf((m) => lines.loadExpenditureChangedSince(m, bigLines, 5));
    expect(partitionsOf(changed!, 'expenditure_lines')).toEqual([{ partition: 'expenditure_lines_y2020', access: ['expenditure_lines_y2020_budget_id_changed_in_idx'] }]);
    const [removed] = await plansOf((m) => lines.removedExpenditureSince(m, bigBudget, 5));
    expect(accessOf(removed!, 'removed_expenditure_lines')).not.toContain('Seq Scan');
  });

  it("the budget list: a preparer's own department and a reviewer's year, by index", async () => {
    const budgets = new BudgetsRepository();
    const own = await plansOf((m) => budgets.listVisible(m, caller('preparer', people.departments.home.id), { page: 1, pageSize: 20 }));
    for (const plan of own) expect(accessOf(plan, 'budgets')).not.toContain('Seq Scan');
    const year = await plansOf((m) => budgets.listVisible(m, caller('reviewer', null), { year: 2020, page: 1, pageSize: 20 }));
    for (const plan of year) expect(accessOf(plan, 'budgets')).not.toContain('Seq Scan');
  });

  it("a budget's outbox rows and audit entries (they grow with every edit; the auditor's search by budget) by index in their order, no sort", async () => {
    const outbox = (budgetId: string) => (m: EntityManager) => new BudgetJobsService(m as unknown as DataSource, { connected: false } as QueueClient).recent(budgetId);
    const audit = (budgetId: string) => (m: EntityManager) => new AuditService(m as unknown as DataSource, {} as AuditChainer).search({ budgetId, limit: 100 });
    // A budget edited 3,000 times, 5 % of the table, may be read by id and filtered (the planner's
    // choice for a LIMIT); one edited 30 times must be read by its own index, never a walk of all ids
    // (its 30 rows may then be sorted: `few`; so may a budget's five comments, read whole).
    const checks: { call: (m: EntityManager) => Promise<unknown>; table: string; index: string | RegExp; few?: true }[] = [
      { call: outbox(bigBudget), table: 'outbox', index: /^outbox_(budget_idx|pkey)$/ },
      { call: outbox(smallBudget), table: 'outbox', index: 'outbox_budget_idx', few: true },
      { call: audit(bigBudget), table: 'audit_log', index: /^audit_log_(budget_idx|pkey)$/ },
      { call: audit(smallBudget), table: 'audit_log', index: 'audit_log_budget_idx', few: true },
      { call: (m) => new CommentsRepository().listForBudget(m, bigBudget), table: 'comments', index: 'comments_budget_idx', few: true },
      { call: (m) => new NotificationsRepository().listForUser(m, people.users.reviewer.id, { all: true }, 50), table: 'notifications', index: 'notifications_user_idx' },
    ];
    for (const { call, table, index, few } of checks) {
      const [plan] = await plansOf(call);
      const access = [typeof index === 'string' ? index : expect.stringMatching(index)];
      expect({ table, access: accessOf(plan!, table), sorts: few ? [] : sorts(plan!) }).toEqual({ table, access, sorts: [] });
    }
  });

  it("a budget's revisions by their key", async () => {
    const [plan] = await plansOf((m) => new RevisionsRepository().list(m, bigBudget));
    expect(accessOf(plan!, 'revisions')).toEqual(['revisions_pkey']);
  });

  it("the bureau's desk of a year: the year's budgets, each one's last transition and first publication by index, in one statement", async () => {
    // Figures fresh (the recorder answers no stale row): the desk is its one statement. The audit log
    // and the publications grow with every edit and release, and are never walked whole; the tables
    // of one row per budget (figures, derivations) may be hashed whole, their rows being narrow.
    const plans = await plansOf((m) => new BureauDeskRepository().desk(m, 2020, null));
    expect(plans).toHaveLength(1);
    const [plan] = plans;
    expect(accessOf(plan!, 'budgets')).not.toContain('Seq Scan');
    expect(accessOf(plan!, 'audit_log')).toEqual(['audit_log_budget_idx']);
    expect(accessOf(plan!, 'publications')).toEqual([expect.not.stringMatching(/^Seq Scan$/)]);
  });

  it("the 二级单位's 单位预算 of a year (the desk's and the compliance list's): each unit's own budget and its first publication by index", async () => {
    // The 部门预算 of the year and, for each of its units, the unit's budget and publications: the
    // budgets and publications grow with every year and release and are never walked whole.
    const desk = new BureauDeskRepository();
    for (const call of [(m: EntityManager) => desk.unitPublications(m, 2020, null), (m: EntityManager) => desk.compliance(m, 2020, null)]) {
      const plans = await plansOf(call);
      expect(plans).toHaveLength(1);
      const [plan] = plans;
      // the 部门预算 by their year, each unit's budget by its key (department, year, unit)
      expect(accessOf(plan!, 'budgets')).toEqual([expect.stringMatching(/^budgets_year_/), 'budgets_department_year_unit_key']);
      // a budget's publications by its key (budget, version): the units' and, on the compliance list, the department's
      const publications = accessOf(plan!, 'publications');
      expect(publications.length).toBeGreaterThan(0);
      expect(new Set(publications)).toEqual(new Set(['publications_budget_id_version_no_key']));
    }
  });

  it('the public list of publications of a year', async () => {
    const plans = await plansOf((m) => new PublicationsRepository().list(m, { year: 2020, departmentCode: undefined, page: 1, pageSize: 20 }));
    for (const plan of plans) expect(accessOf(plan, 'publications')).not.toContain('Seq Scan');
  });
});
