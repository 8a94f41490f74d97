import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { TJobDriver } from '../job-driver';
import { JOB_ATTEMPTS, backoffMs } from '../job-options';
import { SCHEDULED_JOBS, TOPIC_ROUTES, assertEveryRouteHandled, outboxJobData, type TJobHandlers } from '../job-registry';
import { QUEUE_NAMES, type TQueueName } from '../queue-names';
import { Ticker } from '../ticker';
import { OutboxClaims, type TClaimedRow } from './outbox-claims';

export interface TInProcessJobsOptions {
  dataSource: DataSource;
  handlers: TJobHandlers;
  /** How long a claim lasts unrenewed; a row whose driver died is claimed again after about this long. */
  leaseMs?: number;
  /** Attempts running at once per queue, as each BullMQ worker's concurrency. */
  concurrency?: number;
  pollIntervalMs?: number;
  log?: (line: string) => void;
}

/** The topics of each queue and how long each is held back, from TOPIC_ROUTES. */
function routesByQueue(): Map<TQueueName, { topics: string[]; delaysMs: Record<string, number> }> {
  const byQueue = new Map<TQueueName, { topics: string[]; delaysMs: Record<string, number> }>();
  for (const [topic, route] of Object.entries(TOPIC_ROUTES)) {
    const entry = byQueue.get(route.queue) ?? { topics: [], delaysMs: {} };
    entry.topics.push(topic);
    entry.delaysMs[topic] = route.delayMs ?? 0;
    byQueue.set(route.queue, entry);
  }
  return byQueue;
}

/**
 * The jobs without Redis, for the single process of `pnpm start`: the outbox rows are worked straight
 * from PostgreSQL (OutboxClaims), with BullMQ's policy — the same attempts and exponential backoff, a
 * row out of attempts kept as dead until an administrator retries it, the same concurrency per queue —
 * and the repeatable jobs on timers. The outbox stays the record, so a deployment may switch to Redis
 * (or back) between starts and lose nothing.
 */
export class InProcessJobs implements TJobDriver {
  readonly name = 'in-process';
  private readonly claims: OutboxClaims;
  private readonly running = new Map<string, Promise<void>>();
  private readonly runningPerQueue = new Map<TQueueName, number>(QUEUE_NAMES.map((q) => [q, 0]));
  private readonly routes = routesByQueue();
  private readonly claimer: Ticker;
  private readonly lease: Ticker;
  private readonly schedules: Ticker[];

  private constructor(private readonly options: Required<TInProcessJobsOptions>) {
    this.claims = new OutboxClaims(options.dataSource);
    this.claimer = new Ticker('claim', options.pollIntervalMs, () => this.claimDue(), options.log);
    this.lease = new Ticker('lease', Math.max(100, Math.floor(options.leaseMs / 3)), () => this.claims.renew([...this.running.keys()], options.leaseMs), options.log);
    this.schedules = SCHEDULED_JOBS.map(
      (job) =>
        // A failed run is logged and tried again at the next period, as the next repeat of a BullMQ job would be.
        new Ticker(job.jobName, job.everyMs, async () => options.handlers[job.jobName]?.({ name: job.jobName, data: {} }), options.log),
    );
  }

  static start(options: TInProcessJobsOptions): InProcessJobs {
    assertEveryRouteHandled(options.handlers);
    const jobs = new InProcessJobs({
      dataSource: options.dataSource,
      handlers: options.handlers,
      leaseMs: options.leaseMs ?? 30_000,
      concurrency: options.concurrency ?? 2,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      log: options.log ?? ((line: string) => console.log(`[jobs] ${line}`)),
    });
    for (const ticker of [jobs.claimer, jobs.lease, ...jobs.schedules]) ticker.start();
    return jobs;
  }

  /** Stops claiming and the timers, lets running attempts finish (their leases renewed meanwhile). */
  async stop(): Promise<void> {
    await Promise.all([this.claimer, ...this.schedules].map((t) => t.stop()));
    await Promise.allSettled(this.running.values());
    await this.lease.stop();
  }

  private async claimDue(): Promise<void> {
    const buried = await this.claims.buryAbandoned([...this.running.keys()]);
    if (buried > 0) this.options.log(`${buried} job(s) abandoned during their last attempt are dead`);
    for (const [queue, { topics, delaysMs }] of this.routes) {
      const free = this.options.concurrency - (this.runningPerQueue.get(queue) ?? 0);
      if (free <= 0) continue;
      for (const row of await this.claims.claim(topics, delaysMs, free, this.options.leaseMs, [...this.running.keys()])) this.begin(queue, row);
    }
  }

  private begin(queue: TQueueName, row: TClaimedRow): void {
    this.runningPerQueue.set(queue, (this.runningPerQueue.get(queue) ?? 0) + 1);
    const attempt = this.attempt(row)
      .catch((error: unknown) => this.options.log(`outbox ${row.id}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running.delete(row.id);
        this.runningPerQueue.set(queue, (this.runningPerQueue.get(queue) ?? 1) - 1);
        // The slot is free: look for more work now rather than at the next tick.
        void this.claimer.runNow();
      });
    this.running.set(row.id, attempt);
  }

  /** One attempt; the handler's outcome or failure is written back to the row. */
  private async attempt(row: TClaimedRow): Promise<void> {
    const route = TOPIC_ROUTES[row.topic];
    const handler = route === undefined ? undefined : this.options.handlers[route.jobName];
    const data = outboxJobData(row);
    try {
      if (route === undefined || handler === undefined) throw new UnrecoverableError(`no handler for topic ${row.topic}`);
      await this.claims.succeed(row.id, await handler({ name: route.jobName, data }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const dead = error instanceof UnrecoverableError || row.attempts >= JOB_ATTEMPTS;
      await this.claims.fail(row.id, reason, dead, backoffMs(row.attempts));
      this.options.log(`outbox ${row.id} (${row.topic}) failed (attempt ${row.attempts}${dead ? ', dead' : ''}): ${reason}`);
    }
  }
}
