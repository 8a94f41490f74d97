import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a worker needs to bring the lines it holds up to date without reading them all again: the
 * budget version that last wrote each expenditure line, the lines removed since a version, and the
 * version whose import replaced all of them (before it, nothing a worker holds is of use).
 */
export class LineChangeStamps1796000000000 implements MigrationInterface {
  name = 'LineChangeStamps1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE expenditure_lines ADD COLUMN changed_in integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX expenditure_lines_changed_in ON expenditure_lines (budget_id, changed_in)`);
    await q.query(`
      CREATE TABLE removed_expenditure_lines (
        budget_id uuid NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,
        line_id text NOT NULL,
        removed_in integer NOT NULL
      )`);
    await q.query(`CREATE INDEX removed_expenditure_lines_budget ON removed_expenditure_lines (budget_id, removed_in)`);
    await q.query(`ALTER TABLE budgets ADD COLUMN lines_replaced_in integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets DROP COLUMN lines_replaced_in`);
    await q.query(`DROP TABLE removed_expenditure_lines`);
    await q.query(`DROP INDEX expenditure_lines_changed_in`);
    await q.query(`ALTER TABLE expenditure_lines DROP COLUMN changed_in`);
  }
}
