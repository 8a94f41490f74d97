import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ceilings (控制数, 一下) the 预算科 issues each department for a year, and its spreadsheet
 * uploads of many departments' at once (stored for a preview, issued on confirm).
 *
 * A department's ceilings are one row per year: the amounts as the domain's ZCeilings wire form
 * (whole 分 as digits, never numbers), with a version bumped on every change; who changed what and
 * when is in the audit trail. An upload keeps its read rows; confirming it issues them all.
 */
export class DepartmentCeilings1797510000000 implements MigrationInterface {
  name = 'DepartmentCeilings1797510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE department_ceilings (
        department_id uuid NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
        fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        ceilings jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        issued_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        issued_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiscal_year, department_id)
      )`);
    await q.query(`
      CREATE TABLE ceiling_uploads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        rows jsonb NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        confirmed_by uuid REFERENCES users (id) ON DELETE RESTRICT,
        confirmed_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ceiling_uploads`);
    await q.query(`DROP TABLE department_ceilings`);
  }
}
