import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the bureau's desk shows of each budget, kept per budget version so that the desk of a
 * hundred departments reads a row each instead of summing every line and scanning every derivation
 * per request: the expenditure summed as the ceilings look at it (kind, fund source, the 三公 款),
 * by 功能 类, and the stored derivation's finding counts. A cache: a row of an older version is
 * recomputed on the next read, and dropping the rows loses nothing.
 */
export class BudgetFigures1797510100000 implements MigrationInterface {
  name = 'BudgetFigures1797510100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budget_figures (
        budget_id uuid PRIMARY KEY REFERENCES budgets (id) ON DELETE CASCADE,
        version integer NOT NULL,
        -- [[kind, fund_source, economic_code or '', fen as text], …]
        sums jsonb NOT NULL,
        -- {"208": "fen as text", …}
        classes jsonb NOT NULL,
        -- null while the version is not derived yet
        error_count integer,
        warning_count integer
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budget_figures`);
  }
}
