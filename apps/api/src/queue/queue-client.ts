import { once } from 'node:events';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type TAppConfig } from '../config/app-config';
import type { TJobDriverName } from './job-driver';
import { closeQueues, createQueues, type TQueues } from './queues';
import { connectRedis, type TRedisClient } from './redis-connection';

/** The longest a request waits for Redis, per command and for a connection being made. */
const ANSWER_WITHIN_MS = 1000;

/**
 * The API process's one connection to the queues' Redis, for what requests read or change there:
 * the dead-letter list and its retry, the dashboard, a budget's job states, health. The API serves
 * without Redis, so this connection never holds a request: commands are not queued while Redis is
 * away, and each is bounded by ANSWER_WITHIN_MS.
 */
@Injectable()
export class QueueClient implements OnModuleDestroy {
  readonly queues: TQueues;
  /**
   * Who runs the jobs: with `in-process` their states (attempts, failures, the dead-letter list) are
   * on the outbox rows, not in Redis, and requests read them there.
   */
  readonly driver: TJobDriverName;
  private readonly connection: TRedisClient;

  constructor(@Inject(APP_CONFIG) config: TAppConfig) {
    this.driver = config.jobsDriver === 'in-process' ? 'in-process' : 'redis';
    this.connection = connectRedis(config.redis, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: ANSWER_WITHIN_MS });
    this.connection.on('error', () => undefined); // each caller answers for an absent Redis in its own way
    this.queues = createQueues(this.connection, config.queuePrefix);
    for (const queue of Object.values(this.queues)) queue.on('error', () => undefined);
  }

  /**
   * Whether Redis may be asked now. Callers check this first: a queue whose connection has not come
   * up since start waits for it without bound, whatever the command timeout.
   */
  get connected(): boolean {
    return this.connection.status === 'ready';
  }

  /** PING for the health check; a connection still being made gets the same bound to come up. */
  async answers(): Promise<boolean> {
    try {
      if (this.connection.status === 'connecting' || this.connection.status === 'connect') {
        await once(this.connection, 'ready', { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
      }
      return this.connected && (await this.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await closeQueues(this.queues);
    this.connection.disconnect();
  }
}
