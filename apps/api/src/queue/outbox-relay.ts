import type { DataSource } from 'typeorm';
import { TOPIC_ROUTES, outboxJobData, outboxJobId } from './job-registry';
import type { TQueues } from './queues';
import { withTimeout } from './with-timeout';

interface TOutboxRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  request_id: string | null;
}

/** How long one add may wait for Redis before the relay gives up until its next round. */
const ADD_TIMEOUT_MS = 3000;

/**
 * Enqueues outbox rows. Rows are marked relayed only after their job is in Redis, so while Redis is
 * down they simply wait; an add repeated after a crash between the two steps is harmless because the
 * job id is the row's.
 */
export async function relayOutbox(dataSource: DataSource, queues: TQueues, limit = 100): Promise<number> {
  const rows: TOutboxRow[] = await dataSource.query(
    `SELECT id, topic, payload, request_id FROM outbox WHERE processed_at IS NULL ORDER BY id LIMIT $1`,
    [limit],
  );
  return enqueueRows(dataSource, queues, rows, 'processed_at IS NULL');
}

/**
 * Re-enqueues rows that were relayed but whose job never finished: Redis lost them (restarted without
 * persistence, wiped, failed over) or they are still running. Re-adding a job Redis still holds does
 * nothing, so this is safe to run at any time.
 */
export async function reconcileOutbox(dataSource: DataSource, queues: TQueues, olderThanSeconds: number, limit = 500): Promise<number> {
  const rows: TOutboxRow[] = await dataSource.query(
    `SELECT id, topic, payload, request_id FROM outbox
     WHERE processed_at IS NOT NULL AND done_at IS NULL AND processed_at < now() - make_interval(secs => $1)
     ORDER BY id LIMIT $2`,
    [olderThanSeconds, limit],
  );
  return enqueueRows(dataSource, queues, rows, 'done_at IS NULL');
}

async function enqueueRows(dataSource: DataSource, queues: TQueues, rows: TOutboxRow[], stillPending: string): Promise<number> {
  let count = 0;
  for (const row of rows) {
    const route = TOPIC_ROUTES[row.topic];
    if (route === undefined) throw new Error(`outbox row ${row.id} has topic "${row.topic}", which no job handles`);
    await withTimeout(queues[route.queue].add(route.jobName, outboxJobData(row), { jobId: outboxJobId(row.id), delay: route.delayMs }), ADD_TIMEOUT_MS);
    await dataSource.query(`UPDATE outbox SET processed_at = now() WHERE id = $1 AND ${stillPending}`, [row.id]);
    count += 1;
  }
  return count;
}
