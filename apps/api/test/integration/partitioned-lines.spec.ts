import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { migrateUnderLock, revertLastMigration } from '../../src/database/migrate';
import { MIGRATIONS } from '../../src/database/migrations';
import { createTestDatabase, type TTestDatabase } from '../utils/test-database';

/**
 * Migration 1798500000000 on a database in use: lines of two years (one with its fiscal_years row,
 * one known only from its budget) are partitioned by year with nothing lost or changed, the kept
 * sums stay right through writes after, a year made later takes its lines out of the DEFAULT
 * partition, and the down migration gives back the plain tables with the same rows.
 */
let db: TTestDatabase;
let ds: DataSource;
const budgets: Record<number, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  ds = createDataSource(db.url, { poolSize: 2 });
  await ds.initialize();
  await revertPartitioning();
  await ds.query(`INSERT INTO departments (code, name) VALUES ('901001', '分区测试单位')`);
  await ds.query(`INSERT INTO fiscal_years (year) VALUES (2020)`);
  for (const year of [2020, 2021, 2022]) {
    const [{ id }] = (await ds.query(
      `INSERT INTO budgets (department_id, fiscal_year, document) SELECT id, $1, '{}' FROM departments WHERE code = '901001' RETURNING id`,
      [year],
    )) as [{ id: string }];
    budgets[year] = id;
  }
  // 2022 has a budget but no lines: its partitions are made all the same.
  await ds.query(
    `INSERT INTO expenditure_lines (budget_id, line_id, ordinal, unit_code, function_code, economic_code, kind, fund_source, amount, note, changed_in)
     SELECT b.id, 'E' || i, i, '901001', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', (i * 1234.56 + b.fiscal_year)::numeric(18,2), CASE WHEN i % 2 = 0 THEN '备注' END, i
     FROM budgets b, generate_series(1, 40) i WHERE b.fiscal_year IN (2020, 2021)`,
  );
  await ds.query(
    `INSERT INTO income_lines (budget_id, line_id, ordinal, source, amount) SELECT b.id, 'I' || i, 40 + i, 'general-budget-appropriation', i * 99.99 FROM budgets b, generate_series(1, 3) i WHERE b.fiscal_year IN (2020, 2021)`,
  );
}, 120_000);
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

/** Reverts the migrations since 1798600000000 and it: the schema as it was before the partitioning. */
async function revertPartitioning(): Promise<void> {
  const at = MIGRATIONS.findIndex((migration) => migration.name === 'PartitionedLines1798600000000');
  expect(at).toBeGreaterThanOrEqual(0);
  for (let newer = MIGRATIONS.length - 1; newer >= at; newer -= 1) await revertLastMigration(ds);
}

const EXPENDITURE =
  'budget_id, line_id, ordinal, unit_code, function_code, economic_code, kind, project_id, fund_source, amount::text, note, changed_in';
const INCOME = 'budget_id, line_id, ordinal, source, amount::text, unit_code';

/** Every line and every budget's kept sums, as exact text, in a fixed order. */
async function state(): Promise<{ expenditure: unknown[]; income: unknown[]; sums: unknown[] }> {
  return {
    expenditure: await ds.query(`SELECT ${EXPENDITURE} FROM expenditure_lines ORDER BY budget_id, line_id`),
    income: await ds.query(`SELECT ${INCOME} FROM income_lines ORDER BY budget_id, line_id`),
    sums: await ds.query(`SELECT id, expenditure_sum::text, income_sum::text FROM budgets ORDER BY id`),
  };
}

/** Each budget's kept sums beside what its lines add up to. */
async function keptAndSummed(): Promise<{ kept: string[]; summed: string[] }[]> {
  return ds.query(
    `SELECT ARRAY[b.expenditure_sum::text, b.income_sum::text] AS kept,
            ARRAY[(SELECT coalesce(sum(amount), 0)::text FROM expenditure_lines WHERE budget_id = b.id), (SELECT coalesce(sum(amount), 0)::text FROM income_lines WHERE budget_id = b.id)] AS summed
     FROM budgets b ORDER BY b.id`,
  );
}

async function expectSumsKept(): Promise<void> {
  for (const { kept, summed } of await keptAndSummed()) expect(kept).toEqual(summed);
}

/** Where each budget's lines are: partition name → count. */
async function placement(table: string): Promise<Record<string, number>> {
  const rows = (await ds.query(
    `SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM ${table} GROUP BY 1`,
  )) as { partition: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.partition, r.n]));
}

async function relkind(table: string): Promise<string> {
  const [{ relkind: kind }] = (await ds.query(`SELECT relkind::text FROM pg_class WHERE oid = $1::regclass`, [
    table,
  ])) as [{ relkind: string }];
  return kind;
}

describe('migration 1798500000000: the line tables partitioned by fiscal year', () => {
  let before: Awaited<ReturnType<typeof state>>;

  it('on a database with lines of two years: every row, every sum as before, each year in its own partition', async () => {
    before = await state();
    expect(before.expenditure).toHaveLength(80);
    await expectSumsKept();
    await migrateUnderLock(ds);
    expect(await relkind('expenditure_lines')).toBe('p');
    expect(await relkind('income_lines')).toBe('p');
    expect(await state()).toEqual(before);
    expect(await placement('expenditure_lines')).toEqual({
      expenditure_lines_y2020: 40,
      expenditure_lines_y2021: 40,
    });
    expect(await placement('income_lines')).toEqual({ income_lines_y2020: 3, income_lines_y2021: 3 });
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM expenditure_lines WHERE fiscal_year <> (SELECT fiscal_year FROM budgets WHERE id = budget_id)`,
    )) as [{ n: number }];
    expect(n).toBe(0);
    const partitions = (await ds.query(
      `SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'expenditure_lines'::regclass ORDER BY 1`,
    )) as { name: string }[];
    expect(partitions.map((p) => p.name)).toEqual([
      'expenditure_lines_default',
      'expenditure_lines_y2020',
      'expenditure_lines_y2021',
      'expenditure_lines_y2022',
    ]);
  });

  it("after it, the sums triggers keep each budget's sums through inserts, updates and deletes in any partition", async () => {
    await ds.query(
      `INSERT INTO expenditure_lines (budget_id, fiscal_year, line_id, ordinal, unit_code, function_code, economic_code, kind, fund_source, amount)
       VALUES ($1, 2020, 'NEW', 100, '901001', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', 0.07), ($2, 2021, 'NEW', 100, '901001', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', 5)`,
      [budgets[2020], budgets[2021]],
    );
    await ds.query(`UPDATE expenditure_lines SET amount = amount + 0.01 WHERE line_id IN ('E1', 'E2')`);
    await ds.query(`DELETE FROM expenditure_lines WHERE budget_id = $1 AND line_id = 'E3'`, [budgets[2021]]);
    await ds.query(`UPDATE income_lines SET amount = 1 WHERE line_id = 'I1'`);
    await expectSumsKept();
    const original = before.sums.find((s) => (s as { id: string }).id === budgets[2020]) as {
      expenditure_sum: string;
    };
    // 0.07 added, two lines up by 0.01 each: exact numeric, in SQL
    const [row] = (await ds.query(
      `SELECT expenditure_sum::text AS kept, ($2::numeric + 0.09)::text AS expected FROM budgets WHERE id = $1`,
      [budgets[2020], original.expenditure_sum],
    )) as [{ kept: string; expected: string }];
    expect(row.kept).toBe(row.expected);
  });

  it("a line the key or the budget refuses is refused: a repeated id in the budget, a year not its budget's", async () => {
    const line = (year: number) =>
      ds.query(
        `INSERT INTO expenditure_lines (budget_id, fiscal_year, line_id, ordinal, unit_code, function_code, economic_code, kind, fund_source, amount)
         VALUES ($1, $2, 'E1', 1, '901001', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', 1)`,
        [budgets[2020], year],
      );
    await expect(line(2020)).rejects.toThrow(/expenditure_lines_y2020_pkey|duplicate key/);
    await expect(line(2021)).rejects.toThrow(/expenditure_lines_budget_fkey/);
  });

  it('a year created later takes its lines out of the DEFAULT partition, sums untouched; creating it again changes nothing', async () => {
    const [{ id }] = (await ds.query(
      `INSERT INTO budgets (department_id, fiscal_year, document) SELECT id, 2023, '{}' FROM departments WHERE code = '901001' RETURNING id`,
    )) as [{ id: string }];
    await ds.query(
      `INSERT INTO expenditure_lines (budget_id, fiscal_year, line_id, ordinal, unit_code, function_code, economic_code, kind, fund_source, amount)
       SELECT $1, 2023, 'E' || i, i, '901001', '2010101', '30101', 'basic-personnel', 'general-budget-appropriation', 10 FROM generate_series(1, 5) i`,
      [id],
    );
    expect((await placement('expenditure_lines'))['expenditure_lines_default']).toBe(5);
    const sums = await state();
    await ds.query(`INSERT INTO fiscal_years (year) VALUES (2023)`);
    await ds.query(
      `INSERT INTO fiscal_years (year, status) VALUES (2023, 'closed') ON CONFLICT (year) DO UPDATE SET status = EXCLUDED.status`,
    );
    const placed = await placement('expenditure_lines');
    expect(placed['expenditure_lines_y2023']).toBe(5);
    expect(placed['expenditure_lines_default']).toBeUndefined();
    expect(await state()).toEqual(sums);
    await expectSumsKept();
    const indexes = (await ds.query(
      `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = 'expenditure_lines_y2023'::regclass ORDER BY 1`,
    )) as { name: string }[];
    expect(indexes.map((i) => i.name)).toEqual([
      'expenditure_lines_y2023_budget_id_changed_in_idx',
      'expenditure_lines_y2023_budget_id_ordinal_idx',
      'expenditure_lines_y2023_pkey',
    ]);
    await ds.query(`DELETE FROM budgets WHERE id = $1`, [id]);
    await expectSumsKept();
  });

  it('down gives back the plain tables with the same rows, their sums triggers working', async () => {
    const partitioned = await state();
    await revertPartitioning();
    expect(await relkind('expenditure_lines')).toBe('r');
    expect(await relkind('income_lines')).toBe('r');
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE column_name = 'fiscal_year' AND table_name IN ('expenditure_lines', 'income_lines')`,
    )) as [{ n: number }];
    expect(n).toBe(0);
    expect(await state()).toEqual(partitioned);
    await ds.query(`DELETE FROM expenditure_lines WHERE line_id = 'NEW'`);
    await expectSumsKept();
    await migrateUnderLock(ds);
    await expectSumsKept();
  });
});
