import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An administrator's upload of a year's official 《政府收支分类科目》 (the edition it makes, as
 * ZCatalogueEdition JSON), and its confirmation: the newest confirmed upload of a year is the
 * edition in force for that year's budgets. Both append-only: an upload is never changed, and a
 * later confirmation supersedes an earlier one. A budget's stored derivation says which edition it
 * was derived under ('shipped' or the upload's id), so that a confirmation re-derives every budget
 * of its year on its next read.
 */
export class CatalogueUploads1797300000000 implements MigrationInterface {
  name = 'CatalogueUploads1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalogue_uploads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL REFERENCES fiscal_years (year) ON DELETE RESTRICT,
        edition jsonb NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE catalogue_confirmations (
        upload_id uuid PRIMARY KEY REFERENCES catalogue_uploads (id) ON DELETE RESTRICT,
        fiscal_year integer NOT NULL,
        confirmed_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        confirmed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        seq bigserial NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX catalogue_confirmations_in_force_idx ON catalogue_confirmations (fiscal_year, seq DESC)`);
    for (const table of ['catalogue_uploads', 'catalogue_confirmations']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    }
    await q.query(`ALTER TABLE budget_derivations ADD COLUMN catalogue_key text NOT NULL DEFAULT 'shipped'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budget_derivations DROP COLUMN catalogue_key`);
    await q.query(`DROP TABLE catalogue_confirmations`);
    await q.query(`DROP TABLE catalogue_uploads`);
  }
}
