import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The finance bureau's review process as data (issue 11): the bureau (财政局) and its offices
 * (预算科, 业务科室 …) with the departments each reviews, reviewers belonging to an office, budget
 * units as 本级 or 二级单位, and per bureau and year the review chain (an ordered list of stages).
 *
 * On the budget: the round of 两上两下, the chain it was submitted under (a copy, so that an
 * administrator's later edit does not touch a budget already in review), the current stage, the
 * 一上 revision kept when the ceilings are issued, and the 批复 (document number and date). Beside
 * it the review trail (every stage's opinion and every return), the approved figures as 预算指标
 * per line, and delegations between reviewers. The trail and the indicators are append-only.
 */
export class ReviewChain1797500000000 implements MigrationInterface {
  name = 'ReviewChain1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finance_bureaus (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(12) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{3,12}$'),
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE bureau_offices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bureau_id uuid NOT NULL REFERENCES finance_bureaus (id) ON DELETE RESTRICT,
        code varchar(32) NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
        name varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
        -- budget 预算科, business 业务科室, assets 资产科, performance 绩效科, other
        kind text NOT NULL CHECK (kind IN ('budget', 'business', 'assets', 'performance', 'other')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The departments an office reviews (a 业务科室 its 归口 departments).
    await q.query(`
      CREATE TABLE office_departments (
        office_id uuid NOT NULL REFERENCES bureau_offices (id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
        PRIMARY KEY (office_id, department_id)
      )`);
    await q.query(`CREATE INDEX office_departments_department_idx ON office_departments (department_id)`);
    await q.query(`ALTER TABLE departments ADD COLUMN bureau_id uuid REFERENCES finance_bureaus (id) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE budget_units ADD COLUMN level text NOT NULL DEFAULT 'self' CHECK (level IN ('self', 'subordinate'))`);
    await q.query(`ALTER TABLE users ADD COLUMN office_id uuid REFERENCES bureau_offices (id) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_office_only_reviewers CHECK (office_id IS NULL OR role = 'reviewer')`);

    await q.query(`
      CREATE TABLE review_chains (
        bureau_id uuid NOT NULL REFERENCES finance_bureaus (id) ON DELETE CASCADE,
        fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        -- the domain's ZReviewChain: { proposalRound, stages: [{ key, name, role, office }] }
        chain jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bureau_id, fiscal_year)
      )`);

    await q.query(`
      ALTER TABLE budgets
        ADD COLUMN round text NOT NULL DEFAULT 'ceilings' CHECK (round IN ('proposal', 'ceilings', 'final', 'replied')),
        ADD COLUMN review_chain jsonb,
        ADD COLUMN stage_index integer CHECK (stage_index >= 0),
        ADD COLUMN proposal_revision_no integer,
        ADD COLUMN reply_document_no text,
        ADD COLUMN replied_on date`);
    // Budgets that already went further than a draft are in the round their state implies.
    await q.query(`UPDATE budgets SET round = CASE WHEN state IN ('approved', 'published') THEN 'replied' WHEN state = 'submitted' THEN 'final' ELSE 'ceilings' END`);
    await q.query(`CREATE INDEX budgets_year_round_idx ON budgets (fiscal_year, round)`);

    // The review trail: one row per step a stage took (or a preparer's submission), never rewritten.
    await q.query(`
      CREATE TABLE budget_reviews (
        id bigserial PRIMARY KEY,
        budget_id uuid NOT NULL REFERENCES budgets (id),
        revision_no integer NOT NULL,
        round text NOT NULL,
        stage_index integer,
        stage_name text,
        action text NOT NULL,
        actor_id uuid NOT NULL REFERENCES users (id),
        -- a delegate acts on behalf of the reviewer who delegated
        on_behalf_of_id uuid REFERENCES users (id),
        opinion text,
        reason text,
        document_no text,
        replied_on date,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX budget_reviews_budget_idx ON budget_reviews (budget_id, id)`);

    // 预算指标: the approved figures per line at 批复, what later payments and adjustments draw on.
    await q.query(`
      CREATE TABLE budget_indicators (
        budget_id uuid NOT NULL REFERENCES budgets (id),
        revision_no integer NOT NULL,
        line_id text NOT NULL,
        unit_code text NOT NULL,
        function_code text NOT NULL,
        economic_code text NOT NULL,
        kind text NOT NULL,
        project_id text,
        fund_source text NOT NULL,
        amount numeric(18,2) NOT NULL,
        document_no text NOT NULL,
        replied_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (budget_id, revision_no, line_id)
      )`);
    for (const table of ['budget_reviews', 'budget_indicators']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    }

    await q.query(`
      CREATE TABLE review_delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delegator_id uuid NOT NULL REFERENCES users (id),
        delegate_id uuid NOT NULL REFERENCES users (id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK (ends_on >= starts_on),
        CHECK (delegator_id <> delegate_id)
      )`);
    await q.query(`CREATE INDEX review_delegations_delegate_idx ON review_delegations (delegate_id, starts_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['review_delegations', 'budget_indicators', 'budget_reviews', 'review_chains', 'office_departments']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX budgets_year_round_idx`);
    await q.query(`ALTER TABLE budgets DROP COLUMN round, DROP COLUMN review_chain, DROP COLUMN stage_index, DROP COLUMN proposal_revision_no, DROP COLUMN reply_document_no, DROP COLUMN replied_on`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_office_only_reviewers, DROP COLUMN office_id`);
    await q.query(`ALTER TABLE budget_units DROP COLUMN level`);
    await q.query(`ALTER TABLE departments DROP COLUMN bureau_id`);
    await q.query(`DROP TABLE bureau_offices`);
    await q.query(`DROP TABLE finance_bureaus`);
  }
}
