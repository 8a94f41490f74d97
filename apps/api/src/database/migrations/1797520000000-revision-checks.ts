import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The check of each approved revision's rendered files, stored with the files in one transaction:
 * a publication copies the files of a revision whose check passed, so the files are rendered once
 * per revision and nothing becomes public unchecked. Approved revisions rendered before this table
 * existed are queued to be rendered and checked again (the same bytes: rendering is deterministic).
 */
export class RevisionChecks1797520000000 implements MigrationInterface {
  name = 'RevisionChecks1797520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE revision_checks (
        budget_id uuid NOT NULL,
        revision_no integer NOT NULL,
        passed boolean NOT NULL,
        problems jsonb NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (budget_id, revision_no),
        FOREIGN KEY (budget_id, revision_no) REFERENCES revisions (budget_id, revision_no)
      )`);
    await q.query(`CREATE TRIGGER revision_checks_append_only BEFORE UPDATE OR DELETE ON revision_checks FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    await q.query(`
      INSERT INTO outbox (topic, payload)
      SELECT 'budget.render-revision', jsonb_build_object('budgetId', b.id, 'revisionNo', b.revision_no)
      FROM budgets b WHERE b.state = 'approved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE revision_checks`);
  }
}
