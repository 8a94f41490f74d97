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
}

/** What Redis knows of a job that PostgreSQL does not: its attempts and whether it gave up. */
interface TAttempts {
  failed: boolean;
  attempts: number;
  failedReason: string | null;
}

const RECENT_JOBS = 50;

/**
 * A budget's background jobs: their outbox rows (PostgreSQL, which keeps the work) and, for those not
 * done, their attempts in Redis. Without Redis the list still answers, from PostgreSQL alone.
 */
@Injectable()
export class BudgetJobsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly queue: QueueClient,
  ) {}

  async recent(budgetId: string): Promise<TBudgetJob[]> {
    const rows: TOutboxRow[] = await this.dataSource.query(
      `SELECT id, topic, created_at, processed_at, done_at FROM outbox WHERE payload->>'budgetId' = $1 ORDER BY id DESC LIMIT $2`,
      [budgetId, RECENT_JOBS],
    );
    const attempts = await this.attemptsOf(rows.filter((r) => r.done_at === null));
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
