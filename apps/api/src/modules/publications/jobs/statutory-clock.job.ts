import type { DataSource } from 'typeorm';

/** 预算法 art. 14: a department publishes its approved budget within 20 days of approval. */
export const STATUTORY_DAYS = 20;
/** The department's publishers are warned this many days before the limit. */
export const WARNING_DAYS_BEFORE = 5;

/**
 * The statutory clock, run by a repeatable job: for each approved but unpublished budget, counted
 * from the date of its 批复 (for one approved before 批复 dates were recorded: its last change),
 * warns its publishers as the 20 days run out and tells the
 * reviewers once it is overdue. The notices go through the outbox like any other, once per approval.
 */
export class StatutoryClockJob {
  constructor(private readonly dataSource: DataSource) {}

  async handle(now: Date = new Date()): Promise<string> {
    const near = await this.notifyOnce(now, STATUTORY_DAYS - WARNING_DAYS_BEFORE, 'deadline-near', 'publishers');
    const overdue = await this.notifyOnce(now, STATUTORY_DAYS, 'deadline-overdue', 'reviewers');
    return `${near} warned, ${overdue} overdue`;
  }

  private async notifyOnce(now: Date, days: number, action: string, who: 'publishers' | 'reviewers'): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO outbox (topic, payload)
       SELECT 'budget.notify', jsonb_build_object('budgetId', b.id, 'action', $3::text, 'who', $4::text)
       FROM budgets b
       WHERE b.state = 'approved' AND b.unit_code IS NULL AND COALESCE(b.replied_on::timestamptz, b.updated_at) <= $1::timestamptz - make_interval(days => $2)
         AND NOT EXISTS (
           SELECT 1 FROM outbox o
           WHERE o.topic = 'budget.notify' AND o.payload->>'budgetId' = b.id::text
             AND o.payload->>'action' = $3 AND o.created_at >= b.updated_at)
       RETURNING id`,
      [now, days, action, who],
    );
    return rows.length;
  }
}
