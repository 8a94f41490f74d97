import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publication, gated (issue 11):
 * - the signer (审签人), a bureau's role with a review scope like a reviewer's;
 * - publication_policies: per bureau and year, whether publication waits for a 审签;
 * - budget_sign_offs: the 审签 of an approved revision, one per revision (a correction is signed anew);
 * - publication_corrections: the 更正说明 published beside version 2 and later, with what changed.
 */
export class CorrectionsAndSignOff1797950000000 implements MigrationInterface {
  name = 'CorrectionsAndSignOff1797950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'preparer', 'publisher', 'reviewer', 'signer', 'security_admin', 'auditor'))`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_review_all_only_reviewers`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_review_all_only_reviewers CHECK (NOT review_all OR role IN ('reviewer', 'signer'))`);

    await q.query(`
      CREATE TABLE publication_policies (
        bureau_id uuid NOT NULL REFERENCES finance_bureaus (id),
        fiscal_year integer NOT NULL,
        sign_off_required boolean NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bureau_id, fiscal_year)
      )`);
    await q.query(`
      CREATE TABLE budget_sign_offs (
        budget_id uuid NOT NULL,
        revision_no integer NOT NULL,
        signer_id uuid NOT NULL REFERENCES users (id),
        opinion text NOT NULL CHECK (btrim(opinion) <> ''),
        signed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (budget_id, revision_no),
        FOREIGN KEY (budget_id, revision_no) REFERENCES revisions (budget_id, revision_no)
      )`);
    await q.query(`
      CREATE TABLE publication_corrections (
        publication_id uuid PRIMARY KEY REFERENCES publications (id),
        previous_publication_id uuid NOT NULL REFERENCES publications (id),
        reason text NOT NULL,
        corrected_on date NOT NULL,
        changes jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // correction-notice.txt is published beside the rendered files of version 2 and later
    await q.query(`ALTER TABLE publication_files DROP CONSTRAINT publication_files_format_check`);
    await q.query(`ALTER TABLE publication_files ADD CONSTRAINT publication_files_format_check CHECK (format IN ('pdf', 'xlsx', 'html', 'json', 'csv', 'datapackage', 'txt'))`);
    for (const table of ['budget_sign_offs', 'publication_corrections']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publication_files DISABLE TRIGGER publication_files_append_only`);
    await q.query(`DELETE FROM publication_files WHERE format = 'txt'`);
    await q.query(`ALTER TABLE publication_files ENABLE TRIGGER publication_files_append_only`);
    await q.query(`ALTER TABLE publication_files DROP CONSTRAINT publication_files_format_check`);
    await q.query(`ALTER TABLE publication_files ADD CONSTRAINT publication_files_format_check CHECK (format IN ('pdf', 'xlsx', 'html', 'json', 'csv', 'datapackage'))`);
    await q.query(`DROP TABLE publication_corrections`);
    await q.query(`DROP TABLE budget_sign_offs`);
    await q.query(`DROP TABLE publication_policies`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_review_all_only_reviewers`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_review_all_only_reviewers CHECK (NOT review_all OR role = 'reviewer')`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'preparer', 'publisher', 'reviewer', 'security_admin', 'auditor'))`);
  }
}
