import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the in-process job driver (`pnpm start` without Redis) keeps on each outbox row, where BullMQ
 * keeps it in Redis: the attempts started, the lease of the attempt running (`locked_until`: a driver
 * that died leaves it to run out, and the row is claimed again), when a retry is due, the last
 * failure, when the row ran out of attempts (the dead-letter list), and the job's outcome.
 */
export class OutboxInProcessJobs1797000000000 implements MigrationInterface {
  name = 'OutboxInProcessJobs1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox
        ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN last_error text,
        ADD COLUMN failed_at timestamptz,
        ADD COLUMN result text`);
    await q.query(`CREATE INDEX outbox_dead_idx ON outbox (id) WHERE failed_at IS NOT NULL AND done_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_dead_idx`);
    await q.query(`ALTER TABLE outbox DROP COLUMN attempts, DROP COLUMN locked_until, DROP COLUMN next_attempt_at, DROP COLUMN last_error, DROP COLUMN failed_at, DROP COLUMN result`);
  }
}
