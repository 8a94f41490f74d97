import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files of each approved revision, rendered ahead of publication so that the publisher reads
 * what will be published. Stored as the publication files are: all of a revision's files appear in
 * the one transaction that writes them, and none of them ever changes.
 */
export class RevisionFiles1796000300000 implements MigrationInterface {
  name = 'RevisionFiles1796000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE revision_files (
        budget_id uuid NOT NULL,
        revision_no integer NOT NULL,
        name text NOT NULL,
        format text NOT NULL CHECK (format IN ('pdf', 'xlsx', 'html', 'json', 'csv', 'datapackage')),
        media_type text NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (budget_id, revision_no, name),
        FOREIGN KEY (budget_id, revision_no) REFERENCES revisions (budget_id, revision_no)
      )`);
    await q.query(`CREATE TRIGGER revision_files_append_only BEFORE UPDATE OR DELETE ON revision_files FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE revision_files`);
  }
}
