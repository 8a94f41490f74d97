import { Queue } from 'bullmq';
import type { TRedisClient } from './redis-connection';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { QUEUE_NAMES, type TQueueName } from './queue-names';

export type TQueues = Readonly<Record<TQueueName, Queue>>;

export function createQueues(connection: TRedisClient, prefix: string): TQueues {
  const entries = QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS })] as const);
  return Object.fromEntries(entries) as Record<TQueueName, Queue>;
}

export async function closeQueues(queues: TQueues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
