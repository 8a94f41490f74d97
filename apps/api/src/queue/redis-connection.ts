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

/** Whether a Redis answers PING at `url` within `timeoutMs`: one try, no reconnecting, nothing left open. */
export async function redisAnswers(url: string, timeoutMs: number): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, commandTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  probe.on('error', () => undefined); // the answer is the boolean
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
