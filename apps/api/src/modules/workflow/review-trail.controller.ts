import { Controller, Get, Inject, Param } from '@nestjs/common';
import { stageAt } from '@budgetflow/domain';
import { DataSource } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ReviewChainsRepository } from '../bureau/review-chains.repository';
import { BudgetsService } from '../budgets/budgets.service';
import { ZIdParams } from '../departments/dto/departments.schema';
import { ZBudgetReview, ZIndicators, ZReviewed, ZReviewQueue, type TBudgetReview, type TIndicators, type TReviewed, type TReviewQueue } from './dto/review-trail.schema';
import { ReviewQueueService } from './review-queue.service';
import { ReviewTrailRepository } from './review-trail.repository';
import { AdjustmentsRepository } from './adjustments.repository';
import { WorkflowService } from './workflow.service';
import { ZAdjustments, type TAdjustments } from './dto/adjustments.schema';

const tags = ['workflow'];
documentRoute({ method: 'get', path: '/api/budgets/{id}/review', summary: "The budget's round, review chain and current stage, its 批复, and the whole trail (who, when, opinion, reason, changed since)", tags, access: ALL_ROLES, params: ZIdParams, response: { status: 200, schema: ZBudgetReview } });
documentRoute({ method: 'get', path: '/api/budgets/{id}/adjustments', summary: '预算调整: each adjustment (kind, reason, 批复) with 年初预算 / 调整数 / 调整后预算 per line', tags, access: ALL_ROLES, params: ZIdParams, response: { status: 200, schema: ZAdjustments } });
documentRoute({ method: 'get', path: '/api/budgets/{id}/indicators', summary: '预算指标: the figures approved per line by the 批复', tags, access: ALL_ROLES, params: ZIdParams, response: { status: 200, schema: ZIndicators } });

documentRoute({ method: 'get', path: '/api/reviews/queue', summary: "The budgets in review the caller may see, with their stage and days waiting; those at the caller's stage (or a delegator's) first. A department reviewer's: its units' budgets (单位预算)", tags, access: ['reviewer', 'department_reviewer', 'admin'], response: { status: 200, schema: ZReviewQueue } });
documentRoute({ method: 'get', path: '/api/reviews/reviewed', summary: '已审: the budgets the reviewer approved, returned or answered with ceilings, with their state now', tags, access: ['reviewer', 'department_reviewer'], response: { status: 200, schema: ZReviewed } });

/** The reviewer's desk: the queue by stage, and 已审 (decided budgets stay on it). */
@Controller('api/reviews')
export class ReviewedController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly trail: ReviewTrailRepository,
    private readonly queueService: ReviewQueueService,
  ) {}

  @Get('queue')
  @Roles('reviewer', 'department_reviewer', 'admin')
  queue(@Caller() caller: TCaller): Promise<TReviewQueue> {
    return this.queueService.queue(caller);
  }

  @Get('reviewed')
  @Roles('reviewer', 'department_reviewer')
  async reviewed(@Caller() caller: TCaller): Promise<TReviewed> {
    return { items: await this.trail.reviewedBy(this.dataSource.manager, caller.userId) };
  }
}

/** What every stage sees of a budget's review: readable by whoever may see the budget. */
@Controller('api/budgets/:id')
export class ReviewTrailController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
    private readonly trail: ReviewTrailRepository,
    private readonly chains: ReviewChainsRepository,
    private readonly adjustments: AdjustmentsRepository,
    private readonly workflow: WorkflowService,
  ) {}

  @Get('review')
  @Roles(...ALL_ROLES)
  async review(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }): Promise<TBudgetReview> {
    const m = this.dataSource.manager;
    const budget = await this.budgets.mustFind(m, caller, params.id);
    const place = await this.trail.place(m, budget.id);
    // Before its first submission a budget shows the chain it would go through now.
    const chain = place.chain ?? (await this.chains.forDepartment(m, budget.department_id, budget.fiscal_year));
    const rows = await this.trail.list(m, budget.id);
    const stage = budget.state === 'submitted' ? stageAt(chain, place.round, place.stageIndex ?? 0) : undefined;
    return {
      round: place.round,
      chain,
      stage: stage ?? null,
      yourStage: await this.workflow.actsAtStage(caller, stage, budget.department_code),
      proposalRevisionNo: place.proposalRevisionNo,
      reply: place.reply,
      trail: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
    };
  }

  @Get('adjustments')
  @Roles(...ALL_ROLES)
  async adjustmentsOf(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }): Promise<TAdjustments> {
    const budget = await this.budgets.mustFind(this.dataSource.manager, caller, params.id);
    return { items: await this.adjustments.list(this.dataSource.manager, budget.id) };
  }

  @Get('indicators')
  @Roles(...ALL_ROLES)
  async indicators(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }): Promise<TIndicators> {
    const budget = await this.budgets.mustFind(this.dataSource.manager, caller, params.id);
    return { items: await this.trail.indicators(this.dataSource.manager, budget.id) };
  }
}
