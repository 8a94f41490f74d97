import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budgets and everything hanging off them: lines as rows, the derivation cache, frozen revisions,
 * publications, comments, the outbox the jobs relay, and idempotency keys of workflow actions.
 *
 * Money is numeric(18,2) (read back as text). Revisions and publications are append-only: a
 * trigger refuses UPDATE and DELETE, so a published figure cannot be quietly rewritten.
 */
export class BudgetsWorkflow1795720000000 implements MigrationInterface {
  name = 'BudgetsWorkflow1795720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budgets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES departments(id),
        fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        state text NOT NULL DEFAULT 'draft'
          CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'published')),
        -- bumped by every edit and every transition; the optimistic-concurrency token clients send back
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        -- the last frozen revision (0: never submitted); the working copy becomes revision_no + 1
        revision_no integer NOT NULL DEFAULT 0 CHECK (revision_no >= 0),
        -- the document without its lines: department, projects, performance, prior years, texts
        document jsonb NOT NULL,
        return_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (department_id, fiscal_year)
      )`);
    await q.query(`CREATE INDEX budgets_year_state_idx ON budgets (fiscal_year, state)`);

    await q.query(`
      CREATE TABLE expenditure_lines (
        budget_id uuid NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,
        line_id text NOT NULL,
        ordinal integer NOT NULL,
        unit_code text NOT NULL,
        function_code text NOT NULL,
        economic_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('basic-personnel', 'basic-public', 'project')),
        project_id text,
        fund_source text NOT NULL,
        amount numeric(18,2) NOT NULL,
        note text,
        PRIMARY KEY (budget_id, line_id)
      )`);
    await q.query(`
      CREATE TABLE income_lines (
        budget_id uuid NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,
        line_id text NOT NULL,
        ordinal integer NOT NULL,
        source text NOT NULL,
        amount numeric(18,2) NOT NULL,
        PRIMARY KEY (budget_id, line_id)
      )`);

    // Who edited the working copy that will be frozen as revision_no: they may not approve it.
    await q.query(`
      CREATE TABLE budget_editors (
        budget_id uuid NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,
        revision_no integer NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (budget_id, revision_no, user_id)
      )`);

    // Derived tables and findings of the budget at one version: a cache, recomputed when the version moves.
    await q.query(`
      CREATE TABLE budget_derivations (
        budget_id uuid PRIMARY KEY REFERENCES budgets(id) ON DELETE CASCADE,
        version integer NOT NULL,
        disclosure jsonb NOT NULL,
        findings jsonb NOT NULL,
        error_count integer NOT NULL
      )`);

    await q.query(`
      CREATE TABLE revisions (
        budget_id uuid NOT NULL REFERENCES budgets(id),
        revision_no integer NOT NULL CHECK (revision_no >= 1),
        budget_version integer NOT NULL,
        document jsonb NOT NULL,
        disclosure jsonb NOT NULL,
        findings jsonb NOT NULL,
        sha256 char(64) NOT NULL,
        submitted_by uuid NOT NULL REFERENCES users(id),
        editors uuid[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (budget_id, revision_no)
      )`);

    // A correction after publication is a new version beside the old one, never an overwrite.
    await q.query(`
      CREATE TABLE publications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_id uuid NOT NULL REFERENCES budgets(id),
        version_no integer NOT NULL CHECK (version_no >= 1),
        revision_no integer NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        fiscal_year integer NOT NULL,
        published_by uuid NOT NULL REFERENCES users(id),
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (budget_id, version_no),
        FOREIGN KEY (budget_id, revision_no) REFERENCES revisions (budget_id, revision_no)
      )`);
    await q.query(`CREATE INDEX publications_year_idx ON publications (fiscal_year, department_id)`);

    await q.query(`
      CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
      END $$`);
    for (const table of ['revisions', 'publications']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    }

    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_id uuid NOT NULL REFERENCES budgets(id),
        target_kind text NOT NULL CHECK (target_kind IN ('budget', 'row', 'line')),
        target_table text,
        target_row text,
        target_line text,
        body text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        answer text,
        answered_by uuid REFERENCES users(id),
        answered_at timestamptz
      )`);
    await q.query(`CREATE INDEX comments_budget_idx ON comments (budget_id, created_at)`);

    // Effects of a transition, written in its transaction and relayed to the queue after commit.
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL`);

    // A workflow action's response, kept per (user, key) so that a retry answers the same and acts once.
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id),
        key text NOT NULL,
        fingerprint text NOT NULL,
        status integer NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'outbox', 'comments', 'publications', 'revisions', 'budget_derivations', 'budget_editors', 'income_lines', 'expenditure_lines', 'budgets']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION refuse_rewrite()`);
  }
}
