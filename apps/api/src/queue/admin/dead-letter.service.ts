import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, notFound } from '../../common/errors/app-error';
import { AuditService } from '../../modules/audit/audit.service';
import { OutboxClaims } from '../in-process/outbox-claims';
import { TOPIC_ROUTES, outboxJobId } from '../job-registry';
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
 * The dead-letter list and its retry, wherever the jobs run. On Redis: the failed sets of the queues,
 * read on the API's fail-fast connection (QueueClient), so that while Redis is away an administrator
 * gets a 503 at once instead of a request that hangs. In process: the outbox rows out of attempts,
 * listed with the same queues, names and ids (`outbox-<row>`) as BullMQ would give them.
 */
@Injectable()
export class DeadLetterService {
  private readonly claims: OutboxClaims;

  constructor(
    private readonly client: QueueClient,
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.claims = new OutboxClaims(dataSource);
  }

  async list(limit = 200): Promise<TDeadJob[]> {
    return this.client.driver === 'in-process' ? this.deadRows(limit) : this.failedInRedis(limit);
  }

  /** Sends a failed job back to its queue for another full round of attempts, recorded in the audit as `job.retry` by `actor`. */
  async retry(queue: string, id: string, actor: string): Promise<void> {
    if (!(QUEUE_NAMES as readonly string[]).includes(queue)) throw notFound('Job');
    const entry = { actor, action: 'job.retry', entity: 'job', entityId: `${queue}/${id}`, payload: { queue, id, jobs: this.client.driver } };
    if (this.client.driver === 'in-process') {
      // The row and its audit entry commit together.
      await this.dataSource.transaction(async (tx) => {
        await this.reviveRow(queue as TQueueName, id, tx);
        await this.audit.append(tx, entry);
      });
      return;
    }
    await this.guard(async () => {
      const job = await this.client.queues[queue as TQueueName].getJob(id);
      if (job === undefined || !(await job.isFailed())) throw notFound('Job');
      // Without the reset BullMQ counts the spent attempts, and the first new failure ends it again.
      await job.retry('failed', { resetAttemptsMade: true });
    });
    // Redis and PostgreSQL share no transaction: the entry follows the retry Redis has taken.
    await this.audit.append(this.dataSource.manager, entry);
  }

  private async failedInRedis(limit: number): Promise<TDeadJob[]> {
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

  private async deadRows(limit: number): Promise<TDeadJob[]> {
    return (await this.claims.dead(limit)).flatMap((row) => {
      const route = TOPIC_ROUTES[row.topic];
      if (route === undefined) return [];
      return [{ queue: route.queue, id: outboxJobId(row.id), name: route.jobName, failedReason: row.last_error ?? '', attemptsMade: row.attempts, failedAt: row.failed_at.toISOString(), outboxId: row.id }];
    });
  }

  private async reviveRow(queue: TQueueName, id: string, tx: EntityManager): Promise<void> {
    const outboxId = /^outbox-(\d{1,18})$/.exec(id)?.[1];
    const topics = Object.entries(TOPIC_ROUTES).filter(([, route]) => route.queue === queue).map(([topic]) => topic);
    if (outboxId === undefined || !(await this.claims.revive(outboxId, topics, tx))) throw notFound('Job');
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
