import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each budget's sums of its expenditure and income lines, kept on its row by statement triggers on
 * the line tables (whatever writes the lines: an edit, an import, a copy, a test), so an edit checks
 * the 10 trillion 元 bound on its budget without summing 10,000 lines each time. numeric, unbounded:
 * a budget stored before the bound may hold more. A trigger sums only the rows its statement wrote.
 */
export class LineSums1797700000000 implements MigrationInterface {
  name = 'LineSums1797700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets ADD COLUMN expenditure_sum numeric NOT NULL DEFAULT 0, ADD COLUMN income_sum numeric NOT NULL DEFAULT 0`);
    for (const [table, column] of [
      ['expenditure_lines', 'expenditure_sum'],
      ['income_lines', 'income_sum'],
    ] as const) {
      const delta = (sign: '+' | '-', rows: string) => `UPDATE budgets b SET ${column} = b.${column} ${sign} d.total
           FROM (SELECT budget_id, sum(amount) AS total FROM ${rows} GROUP BY budget_id) d WHERE b.id = d.budget_id`;
      await q.query(`
        CREATE FUNCTION ${table}_sum_added() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${delta('+', 'added')}; RETURN NULL; END $$`);
      await q.query(`
        CREATE FUNCTION ${table}_sum_removed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${delta('-', 'removed')}; RETURN NULL; END $$`);
      await q.query(`
        CREATE FUNCTION ${table}_sum_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${delta('-', 'removed')}; ${delta('+', 'added')}; RETURN NULL; END $$`);
      await q.query(`CREATE TRIGGER ${table}_sum_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${table}_sum_added()`);
      await q.query(`CREATE TRIGGER ${table}_sum_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${table}_sum_removed()`);
      await q.query(
        `CREATE TRIGGER ${table}_sum_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${table}_sum_changed()`,
      );
      await q.query(`UPDATE budgets b SET ${column} = d.total FROM (SELECT budget_id, sum(amount) AS total FROM ${table} GROUP BY budget_id) d WHERE b.id = d.budget_id`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['expenditure_lines', 'income_lines']) {
      for (const event of ['insert', 'delete', 'update']) await q.query(`DROP TRIGGER ${table}_sum_${event} ON ${table}`);
      for (const fn of ['added', 'removed', 'changed']) await q.query(`DROP FUNCTION ${table}_sum_${fn}()`);
    }
    await q.query(`ALTER TABLE budgets DROP COLUMN expenditure_sum, DROP COLUMN income_sum`);
  }
}
