import { MigrationInterface, QueryRunner } from 'typeorm';

/** Departments (部门) and their budget units (预算单位), fiscal years, users and their sessions. */
export class PeopleAndDepartments1795600000000 implements MigrationInterface {
  name = 'PeopleAndDepartments1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(12) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{3,12}$'),
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE budget_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
        code varchar(12) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{3,12}$'),
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX budget_units_department_idx ON budget_units (department_id)`);
    await q.query(`
      CREATE TABLE fiscal_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
        display_name varchar(100) NOT NULL,
        password_hash text NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('admin', 'preparer', 'publisher', 'reviewer')),
        department_id uuid REFERENCES departments (id) ON DELETE RESTRICT,
        review_all boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- preparers and publishers belong to exactly one department; the others to none
        CONSTRAINT users_department_by_role CHECK ((role IN ('preparer', 'publisher')) = (department_id IS NOT NULL)),
        CONSTRAINT users_review_all_only_reviewers CHECK (NOT review_all OR role = 'reviewer')
      )`);
    await q.query(`
      CREATE TABLE reviewer_departments (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, department_id)
      )`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip varchar(64),
        user_agent varchar(300)
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        username varchar(64) NOT NULL,
        ip varchar(64) NOT NULL,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_throttle_idx ON login_attempts (username, ip, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE reviewer_departments`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE fiscal_years`);
    await q.query(`DROP TABLE budget_units`);
    await q.query(`DROP TABLE departments`);
  }
}
