import type { DataSource, EntityManager } from 'typeorm';
import { JOB_ATTEMPTS } from '../job-options';

/** An outbox row claimed by the in-process driver: its attempt has started, under a lease. */
export interface TClaimedRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  /** Attempts started, this one included. */
  attempts: number;
  request_id: string | null;
}

/** An outbox row that ran out of attempts: the in-process driver's dead-letter list. */
export interface TDeadRow {
  id: string;
  topic: string;
  attempts: number;
  last_error: string | null;
  failed_at: Date;
}

/** What the claim leaves alone: done or dead rows, rows leased to a running attempt, retries not yet due. */
const CLAIMABLE = `done_at IS NULL AND failed_at IS NULL
  AND (locked_until IS NULL OR locked_until < now())
  AND (next_attempt_at IS NULL OR next_attempt_at <= now())`;

/**
 * The in-process driver's reads and writes of the outbox, where BullMQ would keep its job in Redis.
 * A row is claimed under a lease (`locked_until`), not under a row lock held for the job's length:
 * the handlers write the same row (done_at) in transactions of their own, and a driver that dies
 * mid-job must leave a row that another driver can take up once the lease has run out.
 */
export class OutboxClaims {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` due rows of the given topics, oldest first; rows another driver is claiming
   * at the same moment are skipped (SKIP LOCKED), so no row is claimed twice. A topic held back
   * (`delaysMs`) is due that long after its row was written. Marks the rows relayed (processed_at), so
   * that a deployment switched to Redis later reconciles rather than relays them: nothing runs twice.
   * `running`: rows this driver is working on, never claimed again by it even when their lease ran out
   * while a long synchronous render kept the renewal from running.
   */
  async claim(topics: readonly string[], delaysMs: Readonly<Record<string, number>>, limit: number, leaseMs: number, running: readonly string[] = []): Promise<TClaimedRow[]> {
    const [rows] = (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM outbox
         WHERE ${CLAIMABLE} AND attempts < $5 AND topic = ANY($1::text[]) AND NOT id = ANY($6::bigint[])
           AND created_at <= now() - coalesce(($2::jsonb ->> topic)::int, 0) * interval '1 millisecond'
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE outbox o SET attempts = o.attempts + 1, locked_until = now() + $4 * interval '1 millisecond', processed_at = coalesce(o.processed_at, now())
       FROM due WHERE o.id = due.id
       RETURNING o.id, o.topic, o.payload, o.attempts, o.request_id`,
      [topics, JSON.stringify(delaysMs), limit, leaseMs, JOB_ATTEMPTS, running],
    )) as [TClaimedRow[], number];
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Extends the leases of the attempts still running, as BullMQ renews a job's lock. */
  async renew(ids: readonly string[], leaseMs: number): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`UPDATE outbox SET locked_until = now() + $2 * interval '1 millisecond' WHERE id = ANY($1::bigint[]) AND done_at IS NULL`, [ids, leaseMs]);
  }

  /** The attempt succeeded: the row is done (the handler has mostly said so already) with its outcome. */
  async succeed(id: string, result: string): Promise<void> {
    await this.dataSource.query(`UPDATE outbox SET done_at = coalesce(done_at, now()), locked_until = NULL, result = $2 WHERE id = $1`, [id, result]);
  }

  /** The attempt failed: due again after `retryInMs`, or dead (`dead`) until an administrator retries it. */
  async fail(id: string, reason: string, dead: boolean, retryInMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET locked_until = NULL, last_error = $2,
         failed_at = CASE WHEN $3 THEN now() END,
         next_attempt_at = CASE WHEN $3 THEN NULL ELSE now() + $4 * interval '1 millisecond' END
       WHERE id = $1 AND done_at IS NULL`,
      [id, reason, dead, retryInMs],
    );
  }

  /**
   * Rows whose last attempt's lease ran out without an outcome (the process stopped during it) are
   * dead, as BullMQ fails a job stalled too often: a job that kills its process is not run forever.
   */
  async buryAbandoned(running: readonly string[] = []): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE outbox SET failed_at = now(), locked_until = NULL,
         last_error = coalesce(last_error || '; ', '') || 'the process stopped during the last attempt'
       WHERE done_at IS NULL AND failed_at IS NULL AND attempts >= $1 AND locked_until < now() AND NOT id = ANY($2::bigint[])`,
      [JOB_ATTEMPTS, running],
    )) as [unknown, number];
    return count;
  }

  async dead(limit: number): Promise<TDeadRow[]> {
    return this.dataSource.query(
      `SELECT id, topic, attempts, last_error, failed_at FROM outbox WHERE failed_at IS NOT NULL AND done_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  /** Sends a dead row back for a full round of attempts (in the caller's transaction `m`); false when the row is not dead (or not of these topics). */
  async revive(id: string, topics: readonly string[], m: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [, count] = (await m.query(
      `UPDATE outbox SET failed_at = NULL, attempts = 0, next_attempt_at = NULL, locked_until = NULL
       WHERE id = $1 AND topic = ANY($2::text[]) AND failed_at IS NOT NULL AND done_at IS NULL`,
      [id, topics],
    )) as [unknown, number];
    return count === 1;
  }
}
