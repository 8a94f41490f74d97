import { Controller, Get, Param, Sse, type MessageEvent } from '@nestjs/common';
import { distinctUntilChanged, from, map, switchMap, timer, type Observable } from 'rxjs';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { BudgetsService } from './budgets.service';
import { IdPipe } from './request-parts';

/** waiting: not yet in Redis; queued: handed to a worker (or retrying); done: its effect is stored. */
export type TBudgetJobState = 'waiting' | 'queued' | 'done';

export interface TBudgetJob {
  id: string;
  topic: string;
  state: TBudgetJobState;
  createdAt: string;
  doneAt: string | null;
}

const RECENT_JOBS = 50;
/** How often an open event stream looks at the outbox for news. */
const EVENTS_POLL_MS = 1000;

documentRoute({ method: 'get', path: '/api/budgets/{id}/jobs', summary: "The budget's recent background jobs (totals, notifications, publication), newest first", tags: ['budgets'], access: ALL_ROLES, params: z.object({ id: z.uuid() }), response: { status: 200 }, problems: [404] });

documentRoute({ method: 'get', path: '/api/budgets/{id}/events', summary: "Server-sent events: the budget's jobs (as GET …/jobs) each time one of them changes", tags: ['budgets'], access: ALL_ROLES, params: z.object({ id: z.uuid() }), response: { status: 200 }, problems: [404] });

/** Job progress as PostgreSQL records it (the outbox rows): readable by whoever may read the budget. */
@Controller('api/budgets')
export class BudgetJobsController {
  constructor(private readonly budgets: BudgetsService) {}

  @Get(':id/jobs')
  @Roles(...ALL_ROLES)
  async jobs(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string): Promise<{ items: TBudgetJob[] }> {
    await this.budgets.mustFind(this.budgets.manager(), caller, id);
    return this.recentJobs(id);
  }

  /** The same list as a stream: sent at once, then whenever it changes (the client shows progress). */
  @Sse(':id/events')
  @Roles(...ALL_ROLES)
  async events(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string): Promise<Observable<MessageEvent>> {
    await this.budgets.mustFind(this.budgets.manager(), caller, id);
    return timer(0, EVENTS_POLL_MS).pipe(
      switchMap(() => from(this.recentJobs(id))),
      map((jobs) => JSON.stringify(jobs)),
      distinctUntilChanged(),
      map((data): MessageEvent => ({ type: 'jobs', data })),
    );
  }

  private async recentJobs(id: string): Promise<{ items: TBudgetJob[] }> {
    const m = this.budgets.manager();
    const rows: { id: string; topic: string; created_at: Date; processed_at: Date | null; done_at: Date | null }[] = await m.query(
      `SELECT id, topic, created_at, processed_at, done_at FROM outbox WHERE payload->>'budgetId' = $1 ORDER BY id DESC LIMIT $2`,
      [id, RECENT_JOBS],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        topic: r.topic,
        state: r.done_at !== null ? 'done' : r.processed_at !== null ? 'queued' : 'waiting',
        createdAt: r.created_at.toISOString(),
        doneAt: r.done_at?.toISOString() ?? null,
      })),
    };
  }
}
