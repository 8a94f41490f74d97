import { templateOf, type TComment } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { AppError, notFound } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { BudgetsRepository } from '../budgets/budgets.repository';
import { BudgetsService } from '../budgets/budgets.service';
import { CommentsRepository } from './comments.repository';
import type { TCreateCommentRequest } from './dto/comment-requests.schema';

/** Comments between a department's preparers and the reviewers, on a budget, a table row or a line. */
@Injectable()
export class CommentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
    private readonly budgetRows: BudgetsRepository,
    private readonly comments: CommentsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(caller: TCaller, budgetId: string, request: TCreateCommentRequest): Promise<TComment> {
    return this.dataSource.transaction(async (m) => {
      const budget = await this.budgets.mustFind(m, caller, budgetId);
      if (request.target.kind === 'line' && !(await this.comments.lineExists(m, budget, request.target.lineId))) {
        throw new AppError('VALIDATION_FAILED', 'No such line in this budget', [{ path: 'target.lineId', message: `no line "${request.target.lineId}"` }]);
      }
      if (request.target.kind === 'row') {
        // A row comment names a table of the budget's own template (T1 … T10, T01 … T12 …).
        const template = await this.budgetRows.templateOf(m, budgetId);
        const tables = templateOf(template === undefined ? {} : { template }).tables.map((t) => t.id);
        if (!tables.includes(request.target.table)) {
          throw new AppError('VALIDATION_FAILED', 'No such table in this budget’s disclosure', [
            { path: 'target.table', message: `no table "${request.target.table}"; its tables are ${tables.join(', ')}` },
          ]);
        }
      }
      const id = await this.comments.insert(m, budgetId, request.target, request.body, caller.userId);
      await this.audit.append(m, { actor: caller.username, action: 'comment.create', entity: 'comment', entityId: id, budgetId, payload: { target: request.target } });
      return this.mustFind(m, id);
    });
  }

  async list(caller: TCaller, budgetId: string): Promise<{ items: TComment[] }> {
    await this.budgets.mustFind(this.dataSource.manager, caller, budgetId);
    return { items: await this.comments.listForBudget(this.dataSource.manager, budgetId) };
  }

  async answer(caller: TCaller, commentId: string, answer: string): Promise<TComment> {
    return this.dataSource.transaction(async (m) => {
      const budgetId = await this.comments.visibleBudgetOf(m, caller, commentId);
      if (budgetId === undefined) throw notFound('Comment');
      if (!(await this.comments.answer(m, commentId, answer, caller.userId))) throw new AppError('CONFLICT', 'The comment is already answered');
      await this.audit.append(m, { actor: caller.username, action: 'comment.answer', entity: 'comment', entityId: commentId, budgetId });
      return this.mustFind(m, commentId);
    });
  }

  private async mustFind(m: Parameters<CommentsRepository['find']>[0], id: string): Promise<TComment> {
    const comment = await this.comments.find(m, id);
    if (comment === undefined) throw notFound('Comment');
    return comment;
  }
}
