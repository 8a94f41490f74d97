import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The derivation cache keeps its content as the JSON text the API sends (derived tables, findings,
 * totals), so that a read splices it into the answer instead of parsing and re-serialising 1.5 MB
 * for a 10,000-line budget. A cache: dropping its rows loses nothing, they are derived again.
 */
export class BudgetDerivationPayload1795900000000 implements MigrationInterface {
  name = 'BudgetDerivationPayload1795900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM budget_derivations`);
    await q.query(`ALTER TABLE budget_derivations DROP COLUMN disclosure, DROP COLUMN findings, DROP COLUMN error_count`);
    await q.query(`ALTER TABLE budget_derivations ADD COLUMN payload text NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM budget_derivations`);
    await q.query(`ALTER TABLE budget_derivations DROP COLUMN payload`);
    await q.query(`ALTER TABLE budget_derivations ADD COLUMN disclosure jsonb NOT NULL, ADD COLUMN findings jsonb NOT NULL, ADD COLUMN error_count integer NOT NULL`);
  }
}
