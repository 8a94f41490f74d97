import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 预算调整 after 批复: the round `adjustment`, and one row per adjustment asked for — its kind
 * (调剂 transfer, 追加 increase, 调减 decrease) and reason, the revision it adjusts, and, once
 * approved, the new revision and its 批复 (document number and date).
 */
export class BudgetAdjustments1797500100000 implements MigrationInterface {
  name = 'BudgetAdjustments1797500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets DROP CONSTRAINT budgets_round_check`);
    await q.query(`ALTER TABLE budgets ADD CONSTRAINT budgets_round_check CHECK (round IN ('proposal', 'ceilings', 'final', 'replied', 'adjustment'))`);
    await q.query(`
      CREATE TABLE budget_adjustments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_id uuid NOT NULL REFERENCES budgets (id),
        kind text NOT NULL CHECK (kind IN ('transfer', 'increase', 'decrease')),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        -- the approved revision the adjustment starts from
        base_revision_no integer NOT NULL,
        requested_by uuid NOT NULL REFERENCES users (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        -- set when the chain approves it
        revision_no integer,
        document_no text,
        replied_on date,
        approved_at timestamptz
      )`);
    // At most one adjustment of a budget is open at a time.
    await q.query(`CREATE UNIQUE INDEX budget_adjustments_open_idx ON budget_adjustments (budget_id) WHERE approved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budget_adjustments`);
    await q.query(`UPDATE budgets SET round = 'replied' WHERE round = 'adjustment'`);
    await q.query(`ALTER TABLE budgets DROP CONSTRAINT budgets_round_check`);
    await q.query(`ALTER TABLE budgets ADD CONSTRAINT budgets_round_check CHECK (round IN ('proposal', 'ceilings', 'final', 'replied'))`);
  }
}
