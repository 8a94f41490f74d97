import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type { TJobHandlers } from './job-registry';
import type { TQueueName } from './queue-names';
import type { TQueues } from './queues';
import type { TRedisClient } from './redis-connection';
import { withTimeout } from './with-timeout';

export interface TWorkerSettings {
  prefix: string;
  handlers: TJobHandlers;
  lockDuration: number;
  concurrency: number;
  /** A fresh connection for a worker (each worker has its own, so one that wedges takes no other down). */
  connect: () => TRedisClient;
  log: (line: string) => void;
}

/** How long a stalled worker, or one being stopped with its jobs running, may take to close before its connections are cut. */
const STALLED_CLOSE_MS = 2000;
const STOP_WITHIN_MS = 30_000;

/**
 * One queue's BullMQ worker, which the runtime replaces with a fresh one when it stalls.
 *
 * Why: after a Redis failover (a Cluster's master killed under load, measured in
 * redis-cluster-failover.spec) ioredis may lose a command the worker's fetch loop awaits, with
 * maxRetriesPerRequest null as BullMQ requires; every connection then answers PING, yet the worker
 * never takes another job and due jobs wait in Redis for ever. A new worker on new connections
 * takes them at once, which is what restarting the worker process would do, without the restart.
 */
export class SupervisedWorker {
  private worker: Worker;
  private connection: TRedisClient;
  /** Handlers running now, and when one last started or ended (or the worker was made). */
  private running = 0;
  private lastProgressAt = Date.now();
  /** The closing of the workers this one replaced, which stop() waits for. */
  private retiring: Promise<void>[] = [];

  constructor(
    readonly queue: TQueueName,
    private readonly settings: TWorkerSettings,
  ) {
    this.connection = settings.connect();
    this.worker = this.makeWorker(this.connection);
  }

  /** True when no handler runs and none started or ended for `ms`: the state a stalled worker is in. */
  quietFor(ms: number): boolean {
    return this.running === 0 && Date.now() - this.lastProgressAt >= ms;
  }

  /** Replaces the worker with one on a new connection; the old one is closed without waiting for it. */
  replace(): void {
    const [old, oldConnection] = [this.worker, this.connection];
    this.connection = this.settings.connect();
    this.worker = this.makeWorker(this.connection);
    this.lastProgressAt = Date.now();
    this.retiring.push(closeWorker(old, oldConnection, true));
  }

  /** Stops taking work and lets running jobs finish, within a bound; then cuts the connections. */
  async stop(): Promise<void> {
    await Promise.all([closeWorker(this.worker, this.connection, false), ...this.retiring]);
  }

  private makeWorker(connection: TRedisClient): Worker {
    const { handlers, prefix, lockDuration, concurrency, log } = this.settings;
    const worker = new Worker(
      this.queue,
      async (job) => {
        const handler = handlers[job.name];
        if (handler === undefined) throw new UnrecoverableError(`no handler for job ${job.name}`);
        this.running += 1;
        this.lastProgressAt = Date.now();
        try {
          return await handler(job);
        } finally {
          this.running -= 1;
          this.lastProgressAt = Date.now();
        }
      },
      { connection, prefix, concurrency, lockDuration, stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)), maxStalledCount: 3 },
    );
    worker.on('failed', (job, error) => log(`${this.queue} ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? 0}): ${error.message}`));
    worker.on('error', (error) => log(`${this.queue}: ${error.message}`));
    return worker;
  }
}

/** A stalled worker's connection is suspect, so it is cut rather than asked to quit. */
async function closeWorker(worker: Worker, connection: TRedisClient, stalled: boolean): Promise<void> {
  await withTimeout(worker.close(stalled), stalled ? STALLED_CLOSE_MS : STOP_WITHIN_MS).catch(() => worker.disconnect().catch(() => undefined));
  if (stalled) connection.disconnect();
  else await withTimeout(connection.quit(), STALLED_CLOSE_MS).catch(() => connection.disconnect());
}

/**
 * Whether `queue` holds a job that has been due for at least `ms`: the oldest waiting job, or the
 * delayed job due first. Asked only of a quiet worker's queue; a Redis that does not answer within
 * a few seconds is no evidence of a stalled worker, so that counts as none.
 */
export async function hasOverdueJob(queue: Queue, ms: number): Promise<boolean> {
  const dueBefore = Date.now() - ms;
  const oldest = async (type: 'wait' | 'delayed'): Promise<Job | undefined> => (await queue.getJobs([type], 0, 0, true))[0];
  try {
    const [waiting, delayed] = await withTimeout(Promise.all([oldest('wait'), oldest('delayed')]), 3000);
    return [waiting, delayed].some((job) => job !== undefined && job.timestamp + (job.delay ?? 0) <= dueBefore);
  } catch {
    return false;
  }
}

/** Replaces each worker that is quiet while a job of its queue has been due for `afterMs`. */
export async function reviveStalled(workers: readonly SupervisedWorker[], queues: TQueues, afterMs: number, log: (line: string) => void): Promise<void> {
  for (const worker of workers) {
    if (!worker.quietFor(afterMs) || !(await hasOverdueJob(queues[worker.queue], afterMs))) continue;
    log(`${worker.queue}: a job has been due for ${afterMs / 1000} s and the worker takes none; replacing the worker`);
    worker.replace();
  }
}
