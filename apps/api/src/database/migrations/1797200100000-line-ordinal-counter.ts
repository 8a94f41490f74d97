import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The next ordinal a budget's new lines take, kept on the budget row: an edit reserves its ordinals
 * in the UPDATE that bumps the version (which holds the row lock anyway), instead of every edit
 * looking up max(ordinal) over the budget's lines. Expenditure and income lines draw from the one
 * counter: an ordinal only orders the lines of one table, so gaps between them are harmless.
 */
export class LineOrdinalCounter1797200100000 implements MigrationInterface {
  name = 'LineOrdinalCounter1797200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets ADD COLUMN next_line_ordinal integer NOT NULL DEFAULT 1 CHECK (next_line_ordinal >= 1)`);
    await q.query(`
      UPDATE budgets b SET next_line_ordinal = 1 + greatest(
        coalesce((SELECT max(ordinal) FROM expenditure_lines e WHERE e.budget_id = b.id), 0),
        coalesce((SELECT max(ordinal) FROM income_lines i WHERE i.budget_id = b.id), 0))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets DROP COLUMN next_line_ordinal`);
  }
}
