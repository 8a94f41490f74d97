import type { DataSource } from 'typeorm';

/** Done outbox rows are kept this long: a budget's job list shows its recent ones, the audit log keeps the rest. */
export const DONE_OUTBOX_KEPT_DAYS = 30;

/**
 * Run by a repeatable job: deletes outbox rows whose job was done over DONE_OUTBOX_KEPT_DAYS ago.
 * A row not done is work still owed, whatever its age, and is never deleted.
 */
export class PurgeOutboxJob {
  constructor(private readonly dataSource: DataSource) {}

  async handle(now: Date = new Date()): Promise<string> {
    const [, purged] = (await this.dataSource.query(`DELETE FROM outbox WHERE done_at < $1::timestamptz - make_interval(days => $2)`, [
      now,
      DONE_OUTBOX_KEPT_DAYS,
    ])) as [unknown, number];
    return `${purged} done outbox rows purged`;
  }
}
