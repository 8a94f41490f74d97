import { ZBudgetJob, type TBudgetJob } from '@budgetflow/domain';
import { Controller, Get, Param, Sse, type MessageEvent } from '@nestjs/common';
import { distinctUntilChanged, from, map, switchMap, timer, type Observable } from 'rxjs';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { BudgetJobsService } from './budget-jobs.service';
import { BudgetsService } from './budgets.service';
import { IdPipe } from './request-parts';

/** How often an open event stream looks at the jobs for news. */
const EVENTS_POLL_MS = 1000;

documentRoute({
  method: 'get',
  path: '/api/budgets/{id}/jobs',
  summary: "The budget's recent background jobs (totals, notifications, publication), newest first: waiting, queued, failed (out of attempts) or done, with attempts and the last failure",
  tags: ['budgets'],
  access: ALL_ROLES,
  params: z.object({ id: z.uuid() }),
  response: { status: 200, schema: z.object({ items: z.array(ZBudgetJob) }) },
  problems: [404],
});

documentRoute({ method: 'get', path: '/api/budgets/{id}/events', summary: "Server-sent events: the budget's jobs (as GET …/jobs) each time one of them changes", tags: ['budgets'], access: ALL_ROLES, params: z.object({ id: z.uuid() }), response: { status: 200 }, problems: [404] });

/** A budget's job progress, readable by whoever may read the budget. */
@Controller('api/budgets')
export class BudgetJobsController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly jobs: BudgetJobsService,
  ) {}

  @Get(':id/jobs')
  @Roles(...ALL_ROLES)
  async list(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string): Promise<{ items: TBudgetJob[] }> {
    await this.budgets.mustFind(this.budgets.manager(), caller, id);
    return { items: await this.jobs.recent(id) };
  }

  /** The same list as a stream: sent at once, then whenever it changes (the client shows progress). */
  @Sse(':id/events')
  @Roles(...ALL_ROLES)
  async events(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string): Promise<Observable<MessageEvent>> {
    await this.budgets.mustFind(this.budgets.manager(), caller, id);
    return timer(0, EVENTS_POLL_MS).pipe(
      switchMap(() => from(this.jobs.recent(id))),
      map((items) => JSON.stringify({ items })),
      distinctUntilChanged(),
      map((data): MessageEvent => ({ type: 'jobs', data })),
    );
  }
}
