import type { TBudgetJob } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TOPIC_ROUTES, outboxJobId } from '../../queue/job-registry';
import { QueueClient } from '../../queue/queue-client';

interface TOutboxRow {
  id: string;
  topic: string;
  created_at: Date;
  processed_at: Date | null;
  done_at: Date | null;
  /** The in-process driver's record of the row's attempts (see OutboxClaims); unused on Redis. */
  failed: boolean;
  attempts_finished: number;
  last_error: string | null;
}

/** What the driver knows of a job that the row's dates do not say: its attempts and whether it gave up. */
interface TAttempts {
  failed: boolean;
  attempts: number;
  failedReason: string | null;
}

const RECENT_JOBS = 50;

/**
 * A budget's background jobs: their outbox rows (PostgreSQL, which keeps the work) and, for those not
 * done, their attempts: in Redis under BullMQ, on the rows themselves under the in-process driver.
 * With BullMQ and no Redis the list still answers, from PostgreSQL alone.
 */
@Injectable()
export class BudgetJobsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly queue: QueueClient,
  ) {}

  async recent(budgetId: string): Promise<TBudgetJob[]> {
    const rows: TOutboxRow[] = await this.dataSource.query(
      // An attempt still under its lease is running, not finished: it is not counted yet.
      `SELECT id, topic, created_at, processed_at, done_at, failed_at IS NOT NULL AS failed, last_error,
              attempts - (CASE WHEN locked_until > now() THEN 1 ELSE 0 END) AS attempts_finished
       FROM outbox WHERE payload->>'budgetId' = $1 ORDER BY id DESC LIMIT $2`,
      [budgetId, RECENT_JOBS],
    );
    const undone = rows.filter((r) => r.done_at === null);
    const attempts = this.queue.driver === 'in-process' ? attemptsOnRows(undone) : await this.attemptsOf(undone);
    return rows.map((r) => toBudgetJob(r, attempts.get(r.id)));
  }

  /** One job lookup per row, all sent at once: the rows' job ids are known, no set is scanned. */
  private async attemptsOf(rows: TOutboxRow[]): Promise<Map<string, TAttempts>> {
    if (rows.length === 0 || !this.queue.connected) return new Map();
    try {
      const found = await Promise.all(
        rows.map(async (row) => {
          const route = TOPIC_ROUTES[row.topic];
          const job = route === undefined ? undefined : await this.queue.queues[route.queue].getJob(outboxJobId(row.id));
          if (job === undefined) return [];
          const seen: TAttempts = { failed: await job.isFailed(), attempts: job.attemptsMade, failedReason: job.failedReason || null };
          return [[row.id, seen] as const];
        }),
      );
      return new Map(found.flat());
    } catch {
      // Redis went away or is slow: the states PostgreSQL knows are still right.
      return new Map();
    }
  }
}

function attemptsOnRows(rows: TOutboxRow[]): Map<string, TAttempts> {
  return new Map(rows.map((r) => [r.id, { failed: r.failed, attempts: r.attempts_finished, failedReason: r.last_error }]));
}

function toBudgetJob(row: TOutboxRow, seen: TAttempts | undefined): TBudgetJob {
  return {
    id: row.id,
    topic: row.topic,
    state: row.done_at !== null ? 'done' : seen?.failed === true ? 'failed' : row.processed_at !== null ? 'queued' : 'waiting',
    createdAt: row.created_at.toISOString(),
    doneAt: row.done_at?.toISOString() ?? null,
    attempts: seen?.attempts ?? 0,
    failedReason: seen?.failedReason ?? null,
  };
}
