import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type TAppConfig } from '../../config/app-config';
import { AppError, notFound } from '../../common/errors/app-error';
import { QUEUE_NAMES, type TQueueName } from '../queue-names';
import { closeQueues, createQueues, type TQueues } from '../queues';

/** A job that ran out of retries: what an administrator sees in the dead-letter list. */
export interface TDeadJob {
  queue: TQueueName;
  id: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
  outboxId: string | null;
}

/**
 * The failed sets of the queues, read from the API process. Its Redis connection does not queue
 * commands while Redis is away: an administrator gets a 503 at once instead of a request that hangs.
 */
@Injectable()
export class DeadLetterService implements OnModuleDestroy {
  private readonly connection: Redis;
  /** Also shown by the dashboard (queue-dashboard.ts), on the same fail-fast connection. */
  readonly queues: TQueues;

  constructor(@Inject(APP_CONFIG) config: TAppConfig) {
    this.connection = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.connection.on('error', () => undefined); // reported per request, as a 503
    this.queues = createQueues(this.connection, config.queuePrefix);
    for (const queue of Object.values(this.queues)) queue.on('error', () => undefined);
  }

  async list(limit = 200): Promise<TDeadJob[]> {
    const perQueue = await this.guard(() =>
      Promise.all(
        QUEUE_NAMES.map(async (queue) =>
          (await this.queues[queue].getFailed(0, limit - 1)).map((job) => ({
            queue,
            id: job.id ?? '',
            name: job.name,
            failedReason: job.failedReason,
            attemptsMade: job.attemptsMade,
            failedAt: job.finishedOn === undefined ? null : new Date(job.finishedOn).toISOString(),
            outboxId: typeof (job.data as { outboxId?: unknown }).outboxId === 'string' ? (job.data as { outboxId: string }).outboxId : null,
          })),
        ),
      ),
    );
    return perQueue.flat();
  }

  /** Moves a failed job back to the queue for another full round of attempts. */
  async retry(queue: string, id: string): Promise<void> {
    if (!(QUEUE_NAMES as readonly string[]).includes(queue)) throw notFound('Job');
    await this.guard(async () => {
      const job = await this.queues[queue as TQueueName].getJob(id);
      if (job === undefined || !(await job.isFailed())) throw notFound('Job');
      await job.retry('failed');
    });
  }

  async onModuleDestroy(): Promise<void> {
    await closeQueues(this.queues);
    this.connection.disconnect();
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('SERVICE_UNAVAILABLE', 'The job queue (Redis) does not answer; try again shortly');
    }
  }
}
