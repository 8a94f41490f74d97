import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A budget's job list, and its event stream that asks again every second, read the outbox by the
 * budget its rows name: an index on that, newest first, rather than a scan of every row.
 */
export class OutboxByBudget1796000200000 implements MigrationInterface {
  name = 'OutboxByBudget1796000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_budget_idx ON outbox ((payload->>'budgetId'), id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_budget_idx`);
  }
}
