import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue editions uploaded by an administrator (CSV `code,name` per fiscal year and kind).
 * The newest edition for (year, kind) wins; without one the domain's built-in catalogue applies.
 */
export class CatalogueEditions1795600100000 implements MigrationInterface {
  name = 'CatalogueEditions1795600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalogue_editions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL REFERENCES fiscal_years (year) ON DELETE RESTRICT,
        kind varchar(40) NOT NULL,
        entries jsonb NOT NULL,
        entry_count integer NOT NULL CHECK (entry_count > 0),
        uploaded_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX catalogue_editions_current_idx ON catalogue_editions (fiscal_year, kind, uploaded_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalogue_editions`);
  }
}
