import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { TRedisTarget } from '../config/redis-target';

/** A Redis client of the queues' target: one server, Sentinel's current master, or a Cluster. */
export type TRedisClient = Redis | Cluster;

/**
 * A client of `target` with `options`: with Sentinel, ioredis asks the sentinels for the master and
 * asks again after a failover; with Cluster, it follows the slots. The password (and database) of
 * Sentinel's master and of the Cluster's nodes come from REDIS_URL.
 */
export function connectRedis(target: string | TRedisTarget, options: RedisOptions): TRedisClient {
  const t: TRedisTarget = typeof target === 'string' ? { kind: 'standalone', url: target } : target;
  if (t.kind === 'standalone') return new Redis(t.url, options);
  const url = new URL(t.url);
  const auth = {
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
  };
  if (t.kind === 'sentinel') {
    const db = Number(url.pathname.slice(1) || '0');
    return new Redis({
      ...options,
      ...auth,
      db,
      sentinels: t.sentinels.map((s) => ({ ...s })),
      name: t.masterName,
      ...sentinelRetry(options),
    });
  }
  return new Cluster(
    t.nodes.map((n) => ({ ...n })),
    {
      redisOptions: { ...options, ...auth },
      enableOfflineQueue: options.enableOfflineQueue ?? true,
      clusterRetryStrategy: options.retryStrategy,
      lazyConnect: options.lazyConnect ?? false,
    },
  );
}

/**
 * The sentinels are asked again as the master is: by the connection's own retry strategy, when it
 * has one; else ioredis's default, which keeps asking (a failover's new master is found that way).
 */
function sentinelRetry(options: RedisOptions): { sentinelRetryStrategy?: (times: number) => number | null } {
  const retry = options.retryStrategy;
  if (retry === undefined || retry === null) return {};
  return {
    sentinelRetryStrategy: (times) => {
      const delay = retry(times);
      return typeof delay === 'number' ? delay : null;
    },
  };
}

/**
 * A connection for BullMQ workers and queues: commands wait for Redis to come back instead of
 * failing after a few retries (maxRetriesPerRequest null), reconnecting every second at most.
 * Callers that must not wait (the relay inside a database transaction) bound the wait themselves.
 */
export function createRedis(target: string): Redis;
export function createRedis(target: string | TRedisTarget): TRedisClient;
export function createRedis(target: string | TRedisTarget): TRedisClient {
  return connectRedis(target, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 1000),
  });
}

/** Whether a Redis answers PING at `target` within `timeoutMs`: one try, no reconnecting, nothing left open. */
export async function redisAnswers(target: string | TRedisTarget, timeoutMs: number): Promise<boolean> {
  const probe = connectRedis(target, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
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
