import { DEFAULT_REVIEW_CHAIN, stageAt } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { departmentScope } from '../../common/scope/department-scope';
import type { TReviewQueue } from './dto/review-trail.schema';
import { ReviewTrailRepository } from './review-trail.repository';
import { WorkflowService } from './workflow.service';

const DAY_MS = 86_400_000;

/**
 * The reviewer's queue: every budget in review they may see, with the stage it waits on and for
 * how many days; those at the caller's own stage (or a delegator's) first, each part longest
 * waiting first.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly trail: ReviewTrailRepository,
    private readonly workflow: WorkflowService,
  ) {}

  async queue(caller: TCaller): Promise<TReviewQueue> {
    // The bureau's reviewers review 部门预算; a department's reviewer its units' budgets.
    const units = caller.role === 'department_reviewer';
    const [rows, acts] = await Promise.all([this.trail.inReview(this.dataSource.manager, departmentScope(caller), units), this.workflow.stageTest(caller)]);
    const now = Date.now();
    const items = rows.map((row) => {
      const stage = stageAt(row.review_chain ?? DEFAULT_REVIEW_CHAIN, row.round, row.stage_index ?? 0);
      const since = new Date(row.since);
      return {
        id: row.id,
        department: { code: row.department_code, name: row.department_name },
        unit: row.unit_code === null ? null : { code: row.unit_code, name: row.unit_name ?? row.unit_code },
        fiscalYear: row.fiscal_year,
        round: row.round,
        stage: stage === undefined ? null : { index: stage.index, count: stage.count, name: stage.stage.name },
        yourStage: acts(stage, row.department_code),
        since: since.toISOString(),
        daysWaiting: Math.max(0, Math.floor((now - since.getTime()) / DAY_MS)),
      };
    });
    // The rows come longest waiting first; a stable sort keeps that order within each part.
    return { items: items.sort((a, b) => Number(b.yourStage) - Number(a.yourStage)) };
  }
}
