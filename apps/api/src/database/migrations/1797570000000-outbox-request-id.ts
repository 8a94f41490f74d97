import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request that caused each outbox row, for the logs of the job it becomes. The default reads the
 * transaction's `budgetflow.request_id` (set by RequestIdTransactionSubscriber), so no writer of the
 * outbox has to pass it; rows written outside a request get NULL. `current_setting(..., true)` is
 * NULL, not an error, where the setting was never made, and '' where it was reset.
 */
export class OutboxRequestId1797570000000 implements MigrationInterface {
  name = 'OutboxRequestId1797570000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN request_id text DEFAULT nullif(current_setting('budgetflow.request_id', true), '')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN request_id`);
  }
}
