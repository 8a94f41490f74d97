import { Queue } from 'bullmq';
import type { TRedisClient } from './redis-connection';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { QUEUE_NAMES, type TQueueName } from './queue-names';
import { withTimeout } from './with-timeout';

const CLOSE_WITHIN_MS = 5000;

export type TQueues = Readonly<Record<TQueueName, Queue>>;

export function createQueues(connection: TRedisClient, prefix: string): TQueues {
  const entries = QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS })] as const);
  return Object.fromEntries(entries) as Record<TQueueName, Queue>;
}

/**
 * Closes the queues, within a bound: after a Cluster's failover a queue's close may wait on a
 * command the lost master never answers, which would hold the process (or a test's teardown) for
 * ever; past the bound their connections are cut.
 */
export async function closeQueues(queues: TQueues, withinMs = CLOSE_WITHIN_MS): Promise<void> {
  const all = Object.values(queues);
  await withTimeout(Promise.all(all.map((q) => q.close())), withinMs).catch(async () => {
    await Promise.all(all.map((q) => q.disconnect().catch(() => undefined)));
  });
}
