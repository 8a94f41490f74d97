import { MigrationInterface, QueryRunner } from 'typeorm';

/** The line tables as migration 1797700000000 left them: columns (in order), their definitions, their indexes. */
const TABLES = [
  {
    name: 'expenditure_lines',
    columns: [
      'budget_id',
      'line_id',
      'ordinal',
      'unit_code',
      'function_code',
      'economic_code',
      'kind',
      'project_id',
      'fund_source',
      'amount',
      'note',
      'changed_in',
    ],
    definition: `budget_id uuid NOT NULL, line_id text NOT NULL, ordinal integer NOT NULL, unit_code text NOT NULL, function_code text NOT NULL,
      economic_code text NOT NULL, kind text NOT NULL CONSTRAINT expenditure_lines_kind_check CHECK (kind IN ('basic-personnel', 'basic-public', 'project')),
      project_id text, fund_source text NOT NULL, amount numeric(18,2) NOT NULL, note text, changed_in integer NOT NULL DEFAULT 0`,
    indexes: {
      expenditure_lines_ordinal_idx: '(budget_id, ordinal)',
      expenditure_lines_changed_in: '(budget_id, changed_in)',
    },
  },
  {
    name: 'income_lines',
    columns: ['budget_id', 'line_id', 'ordinal', 'source', 'amount', 'unit_code'],
    definition:
      'budget_id uuid NOT NULL, line_id text NOT NULL, ordinal integer NOT NULL, source text NOT NULL, amount numeric(18,2) NOT NULL, unit_code varchar(12)',
    indexes: { income_lines_ordinal_idx: '(budget_id, ordinal)' },
  },
] as const;

type TTable = (typeof TABLES)[number];

/**
 * expenditure_lines and income_lines, the big tables of a province (tens of millions of rows), as
 * `PARTITION BY LIST (fiscal_year)`: a partition per year (`…_y2021`, made when the year is, by a
 * trigger on fiscal_years, whoever inserts it) and a DEFAULT one, so that no line is ever refused.
 * A read of a budget's lines that names its year touches one partition; a closed year can be
 * detached and archived whole. The partition key must be in every unique key: the key is
 * (budget_id, line_id, fiscal_year), and a line refers to its budget by (budget_id, fiscal_year),
 * so it cannot sit in another year than its budget's (and follows it, should the year change).
 * The sums triggers stay as they were: statement-level AFTER triggers with transition tables are
 * allowed on a partitioned table (not on its partitions) and see the rows of every partition.
 * Rows move in the migration's transaction before the triggers exist, so the budgets' sums stand.
 */
export class PartitionedLines1798600000000 implements MigrationInterface {
  name = 'PartitionedLines1798600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets ADD CONSTRAINT budgets_id_fiscal_year_key UNIQUE (id, fiscal_year)`);
    for (const table of TABLES) await setAside(q, table, 'plain');
    for (const table of TABLES) {
      await q.query(`
        CREATE TABLE ${table.name} (${table.definition}, fiscal_year integer NOT NULL,
          CONSTRAINT ${table.name}_pkey PRIMARY KEY (budget_id, line_id, fiscal_year),
          CONSTRAINT ${table.name}_budget_fkey FOREIGN KEY (budget_id, fiscal_year) REFERENCES budgets (id, fiscal_year) ON DELETE CASCADE ON UPDATE CASCADE)
        PARTITION BY LIST (fiscal_year)`);
      for (const [index, columns] of Object.entries(table.indexes))
        await q.query(`CREATE INDEX ${index} ON ${table.name} ${columns}`);
      await q.query(`CREATE TABLE ${table.name}_default PARTITION OF ${table.name} DEFAULT`);
    }
    // A year's partitions, made empty or from the default partition's rows of that year (moved
    // partition to partition, which the parent's sums triggers do not see): idempotent, never refusing.
    await q.query(`
      CREATE FUNCTION ensure_line_partitions(y integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE t text;
      BEGIN
        FOREACH t IN ARRAY ARRAY['expenditure_lines', 'income_lines'] LOOP
          CONTINUE WHEN to_regclass(t || '_y' || y) IS NOT NULL;
          EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', t || '_y' || y, t);
          EXECUTE format('WITH moved AS (DELETE FROM %I WHERE fiscal_year = %s RETURNING *) INSERT INTO %I SELECT * FROM moved', t || '_default', y, t || '_y' || y);
          EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%s)', t, t || '_y' || y, y);
        END LOOP;
      END $$`);
    await q.query(
      `CREATE FUNCTION fiscal_years_line_partitions() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM ensure_line_partitions(NEW.year); RETURN NULL; END $$`,
    );
    await q.query(
      `CREATE TRIGGER fiscal_years_line_partitions AFTER INSERT ON fiscal_years FOR EACH ROW EXECUTE FUNCTION fiscal_years_line_partitions()`,
    );
    await q.query(
      `SELECT ensure_line_partitions(year) FROM (SELECT year FROM fiscal_years UNION SELECT fiscal_year FROM budgets) y`,
    );
    for (const table of TABLES) {
      const columns = table.columns.join(', ');
      await q.query(
        `INSERT INTO ${table.name} (${columns}, fiscal_year) SELECT ${table.columns.map((c) => `l.${c}`).join(', ')}, b.fiscal_year FROM ${table.name}_plain l JOIN budgets b ON b.id = l.budget_id`,
      );
      await q.query(`DROP TABLE ${table.name}_plain`);
      await createSumTriggers(q, table.name);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER fiscal_years_line_partitions ON fiscal_years`);
    await q.query(`DROP FUNCTION fiscal_years_line_partitions()`);
    await q.query(`DROP FUNCTION ensure_line_partitions(integer)`);
    for (const table of TABLES) {
      await setAside(q, table, 'parted');
      await q.query(`
        CREATE TABLE ${table.name} (${table.definition},
          CONSTRAINT ${table.name}_pkey PRIMARY KEY (budget_id, line_id),
          CONSTRAINT ${table.name}_budget_id_fkey FOREIGN KEY (budget_id) REFERENCES budgets (id) ON DELETE CASCADE)`);
      for (const [index, columns] of Object.entries(table.indexes))
        await q.query(`CREATE INDEX ${index} ON ${table.name} ${columns}`);
      const columns = table.columns.join(', ');
      await q.query(`INSERT INTO ${table.name} (${columns}) SELECT ${columns} FROM ${table.name}_parted`);
      await q.query(`DROP TABLE ${table.name}_parted`);
      await createSumTriggers(q, table.name);
    }
    await q.query(`ALTER TABLE budgets DROP CONSTRAINT budgets_id_fiscal_year_key`);
  }
}

/** Renames a line table and its indexes out of the way (suffix `_${suffix}`), without its sums triggers, so its successor takes the names. */
async function setAside(q: QueryRunner, table: TTable, suffix: string): Promise<void> {
  const aside = `${table.name}_${suffix}`;
  for (const event of ['insert', 'delete', 'update'])
    await q.query(`DROP TRIGGER ${table.name}_sum_${event} ON ${table.name}`);
  await q.query(`ALTER TABLE ${table.name} RENAME TO ${aside}`);
  await q.query(`ALTER INDEX ${table.name}_pkey RENAME TO ${aside}_pkey`);
  for (const index of Object.keys(table.indexes))
    await q.query(`ALTER INDEX ${index} RENAME TO ${index}_${suffix}`);
}

/** The sums triggers of migration 1797700000000, on the table of that name. */
async function createSumTriggers(q: QueryRunner, table: string): Promise<void> {
  await q.query(
    `CREATE TRIGGER ${table}_sum_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${table}_sum_added()`,
  );
  await q.query(
    `CREATE TRIGGER ${table}_sum_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${table}_sum_removed()`,
  );
  await q.query(
    `CREATE TRIGGER ${table}_sum_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${table}_sum_changed()`,
  );
}
