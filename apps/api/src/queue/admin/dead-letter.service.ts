import { Injectable } from '@nestjs/common';
import { AppError, notFound } from '../../common/errors/app-error';
import { QueueClient } from '../queue-client';
import { QUEUE_NAMES, type TQueueName } from '../queue-names';

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
 * The failed sets of the queues, read from the API process on its fail-fast connection (QueueClient):
 * while Redis is away an administrator gets a 503 at once instead of a request that hangs.
 */
@Injectable()
export class DeadLetterService {
  constructor(private readonly client: QueueClient) {}

  async list(limit = 200): Promise<TDeadJob[]> {
    const perQueue = await this.guard(() =>
      Promise.all(
        QUEUE_NAMES.map(async (queue) =>
          (await this.client.queues[queue].getFailed(0, limit - 1)).map((job) => ({
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
      const job = await this.client.queues[queue as TQueueName].getJob(id);
      if (job === undefined || !(await job.isFailed())) throw notFound('Job');
      // Without the reset BullMQ counts the spent attempts, and the first new failure ends it again.
      await job.retry('failed', { resetAttemptsMade: true });
    });
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    if (!this.client.connected) throw redisAway();
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw redisAway();
    }
  }
}

function redisAway(): AppError {
  return new AppError('SERVICE_UNAVAILABLE', 'The job queue (Redis) does not answer; try again shortly');
}
