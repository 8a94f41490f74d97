import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An imported workbook read and shown to its preparer, waiting for a confirm: the document it
 * would become and the version it was read against (a confirm after the budget moved is refused).
 * A preview is one person's and short-lived; a confirm or a newer preview of the same budget by
 * the same person deletes it.
 */
export class WorkbookPreviews1797600000000 implements MigrationInterface {
  name = 'WorkbookPreviews1797600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workbook_previews (
        id uuid PRIMARY KEY,
        budget_id uuid NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        base_version integer NOT NULL,
        document jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX workbook_previews_budget_user ON workbook_previews (budget_id, user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE workbook_previews`);
  }
}
