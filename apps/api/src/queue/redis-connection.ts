import { Redis } from 'ioredis';

/**
 * A connection for BullMQ workers and queues: commands wait for Redis to come back instead of
 * failing after a few retries (maxRetriesPerRequest null), reconnecting every second at most.
 * Callers that must not wait (the relay inside a database transaction) bound the wait themselves.
 */
export function createRedis(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 1000),
  });
}
