import type { DataSource } from 'typeorm';
import type { TJobDriver } from './job-driver';
import { SCHEDULED_JOBS, TOPIC_ROUTES, assertEveryRouteHandled, type TJobHandlers } from './job-registry';
import { reconcileOutbox, relayOutbox } from './outbox-relay';
import type { TQueueName } from './queue-names';
import { closeQueues, createQueues, type TQueues } from './queues';
import type { TRedisTarget } from '../config/redis-target';
import { createRedis, type TRedisClient } from './redis-connection';
import { Ticker } from './ticker';
import { SupervisedWorker, reviveStalled } from './supervised-worker';
import { withTimeout } from './with-timeout';

export interface TJobRuntimeOptions {
  dataSource: DataSource;
  redisUrl: string;
  /** Redis behind Sentinel or a Cluster (the deployment's REDIS_SENTINELS, REDIS_CLUSTER_NODES) instead of redisUrl's server. */
  redis?: TRedisTarget;
  /** Key prefix in Redis: one per deployment (and one per test). */
  prefix: string;
  handlers: TJobHandlers;
  /** How long a job's lock lasts; a job whose worker died is taken up again after about this long. */
  lockDurationMs?: number;
  concurrency?: number;
  relayIntervalMs?: number;
  reconcileIntervalMs?: number;
  /** A relayed row not done after this long is enqueued again (a no-op while Redis still holds it). */
  reconcileAfterSeconds?: number;
  /** A worker that runs nothing while a job of its queue has been due this long is replaced. */
  reviveAfterSeconds?: number;
  log?: (line: string) => void;
}

/**
 * The jobs on Redis: one BullMQ worker per queue that has jobs, the outbox relay and the reconciler,
 * which also replaces a worker that has stalled. Any number of these may run against one Redis and
 * one PostgreSQL.
 */
export class JobRuntime implements TJobDriver {
  readonly name = 'redis';

  private constructor(
    readonly queues: TQueues,
    private readonly workers: SupervisedWorker[],
    private readonly tickers: Ticker[],
    private readonly producer: TRedisClient,
  ) {}

  static start(options: TJobRuntimeOptions): JobRuntime {
    assertEveryRouteHandled(options.handlers);
    const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
    const connect = (): TRedisClient => {
      const connection = createRedis(options.redis ?? options.redisUrl);
      connection.on('error', (error: Error) => log(`redis: ${error.message}`));
      return connection;
    };
    const producer = connect();
    const queues = createQueues(producer, options.prefix);
    for (const [name, queue] of Object.entries(queues)) queue.on('error', (error: Error) => log(`${name} queue: ${error.message}`));
    const settings = { prefix: options.prefix, handlers: options.handlers, lockDuration: options.lockDurationMs ?? 30_000, concurrency: options.concurrency ?? 2, connect, log };
    const used = new Set<TQueueName>([...Object.values(TOPIC_ROUTES), ...SCHEDULED_JOBS].map((job) => job.queue));
    const workers = [...used].map((queue) => new SupervisedWorker(queue, settings));
    const reviveAfterMs = (options.reviveAfterSeconds ?? 60) * 1000;
    const tickers = [
      new Ticker('relay', options.relayIntervalMs ?? 500, () => relayOutbox(options.dataSource, queues), log).start(),
      new Ticker(
        'reconcile',
        options.reconcileIntervalMs ?? 15_000,
        async () => {
          await reviveStalled(workers, queues, reviveAfterMs, log);
          await reconcileOutbox(options.dataSource, queues, options.reconcileAfterSeconds ?? 60);
          // Idempotent: (re)creates the schedules, also after Redis lost them.
          for (const job of SCHEDULED_JOBS) await queues[job.queue].upsertJobScheduler(job.jobName, { every: job.everyMs }, { name: job.jobName });
        },
        log,
      ).start(),
    ];
    return new JobRuntime(queues, workers, tickers, producer);
  }

  /** Stops taking work, lets running jobs finish (within a bound), then closes every connection. */
  async stop(): Promise<void> {
    await Promise.all(this.tickers.map((t) => t.stop()));
    await Promise.all(this.workers.map((w) => w.stop()));
    await closeQueues(this.queues);
    await withTimeout(this.producer.quit(), 5000).catch(() => this.producer.disconnect());
  }
}
