import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { TQueues } from '../../queue/queues';

/**
 * What every process measures whatever it serves: the jobs it ran and Node's own figures (memory,
 * event-loop lag, GC). One per process, since the jobs' runtime and the app share it in `pnpm start`.
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'budgetflow_' });

export const jobDurationSeconds = new Histogram({
  name: 'budgetflow_job_duration_seconds',
  help: 'How long each job took, by queue, job name and outcome (done or failed)',
  labelNames: ['queue', 'job', 'outcome'],
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  registers: [processRegistry],
});

/** The job states BullMQ counts per queue that tell whether work piles up. */
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

export interface TMetricsSources {
  dataSource: DataSource;
  /** The queues to count, when this process reaches Redis's queues (undefined: the in-process driver, or Redis away). */
  queues: () => TQueues | undefined;
}

/**
 * The metrics of one app or worker: HTTP requests per route template, the outbox's backlog and lag,
 * the queues' depth and the database pool, on top of processRegistry. The gauges are read at scrape
 * time (render), so a scrape costs one outbox query and one count per queue, not a timer per process.
 */
export class BudgetflowMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'budgetflow_http_requests_total', help: 'HTTP requests answered, by method, route template and status', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'budgetflow_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly outboxJobs = new Gauge({ name: 'budgetflow_outbox_jobs', help: 'Outbox rows whose job is not done: pending (to run or running) and dead (out of attempts)', labelNames: ['state'], registers: [this.registry] });
  private readonly outboxLag = new Gauge({ name: 'budgetflow_outbox_lag_seconds', help: 'Age of the oldest pending outbox row (0 when none): how far the jobs are behind', registers: [this.registry] });
  private readonly queueJobs = new Gauge({ name: 'budgetflow_queue_jobs', help: "Jobs in each BullMQ queue by state (Redis's view; the outbox is the record)", labelNames: ['queue', 'state'], registers: [this.registry] });
  private readonly pool = new Gauge({ name: 'budgetflow_db_pool_connections', help: 'PostgreSQL pool of this process: total, idle, and requests waiting for a connection', labelNames: ['state'], registers: [this.registry] });

  constructor(private readonly sources: TMetricsSources) {}

  /** Express middleware: times every request and counts it under its route template (never its raw path). */
  readonly measureRequests = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.latency.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeTemplate(req), status: String(res.statusCode) };
      end(labels);
      this.requests.inc(labels);
    });
    next();
  };

  /** The Prometheus text of this process's metrics, the gauges read now. */
  async render(): Promise<{ contentType: string; body: string }> {
    await this.readGauges();
    const merged = Registry.merge([processRegistry, this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }

  private async readGauges(): Promise<void> {
    const [outbox] = (await this.sources.dataSource.query(
      `SELECT count(*) FILTER (WHERE failed_at IS NULL)::int AS pending, count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS dead,
              coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE failed_at IS NULL)), 0)::float8 AS lag
       FROM outbox WHERE done_at IS NULL`,
    )) as [{ pending: number; dead: number; lag: number }];
    this.outboxJobs.set({ state: 'pending' }, outbox.pending);
    this.outboxJobs.set({ state: 'dead' }, outbox.dead);
    this.outboxLag.set(outbox.lag);
    const pool = (this.sources.dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    if (pool !== undefined) {
      this.pool.set({ state: 'total' }, pool.totalCount);
      this.pool.set({ state: 'idle' }, pool.idleCount);
      this.pool.set({ state: 'waiting' }, pool.waitingCount);
    }
    const queues = this.sources.queues();
    this.queueJobs.reset();
    if (queues === undefined) return;
    for (const name of QUEUE_NAMES) {
      const counts = await queues[name].getJobCounts(...QUEUE_STATES);
      for (const state of QUEUE_STATES) this.queueJobs.set({ queue: name, state }, counts[state] ?? 0);
    }
  }
}

/** `/api/budgets/:id`, not `/api/budgets/6f1…`: one series per route, not one per budget. */
function routeTemplate(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}

/**
 * Whether a scrape may read the metrics: only with `Authorization: Bearer <METRICS_TOKEN>`. The API's
 * port is the public one (the portal is on it), and the metrics name its routes, backlogs and pool
 * sizes: what an attacker would time an overload by. Compared as digests, in constant time.
 */
export function scrapeAllowed(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (given === undefined) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}
