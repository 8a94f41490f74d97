import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes in the order the API reads: a page of a budget's lines by ordinal (without one, every
 * 200-line page sorted all of a 10,000-line budget), its income lines, a budget's comments and a
 * user's notifications newest first with the tie-breaker the lists sort by, and the budget list
 * of a year in department order. Each query is checked against its plan in
 * test/integration/query-plans.spec.ts.
 */
export class ReadIndexes1797200000000 implements MigrationInterface {
  name = 'ReadIndexes1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX expenditure_lines_ordinal_idx ON expenditure_lines (budget_id, ordinal)`);
    await q.query(`CREATE INDEX income_lines_ordinal_idx ON income_lines (budget_id, ordinal)`);
    await q.query(`DROP INDEX comments_budget_idx`);
    await q.query(`CREATE INDEX comments_budget_idx ON comments (budget_id, created_at, id)`);
    await q.query(`DROP INDEX notifications_user_idx`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_user_idx`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`DROP INDEX comments_budget_idx`);
    await q.query(`CREATE INDEX comments_budget_idx ON comments (budget_id, created_at)`);
    await q.query(`DROP INDEX income_lines_ordinal_idx`);
    await q.query(`DROP INDEX expenditure_lines_ordinal_idx`);
  }
}
