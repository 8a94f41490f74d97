import { diffRevisions, type TRevision, type TRevisionDiffAnswer, type TRevisionMeta } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { notFound } from '../../common/errors/app-error';
import { BudgetsService } from '../budgets/budgets.service';
import { RevisionsRepository } from './revisions.repository';

/** Frozen revisions of a visible budget, and the difference between any two of them. */
@Injectable()
export class RevisionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
    private readonly revisions: RevisionsRepository,
  ) {}

  async list(caller: TCaller, budgetId: string): Promise<{ items: TRevisionMeta[] }> {
    await this.budgets.mustFind(this.dataSource.manager, caller, budgetId);
    return { items: await this.revisions.list(this.dataSource.manager, budgetId) };
  }

  async get(caller: TCaller, budgetId: string, revisionNo: number): Promise<TRevision> {
    await this.budgets.mustFind(this.dataSource.manager, caller, budgetId);
    return this.mustFindRevision(budgetId, revisionNo);
  }

  async diff(caller: TCaller, budgetId: string, from: number, to: number): Promise<TRevisionDiffAnswer> {
    await this.budgets.mustFind(this.dataSource.manager, caller, budgetId);
    const [before, after] = await Promise.all([this.mustFindRevision(budgetId, from), this.mustFindRevision(budgetId, to)]);
    return { from: meta(before), to: meta(after), diff: diffRevisions(before, after) };
  }

  private async mustFindRevision(budgetId: string, revisionNo: number): Promise<TRevision> {
    const revision = await this.revisions.find(this.dataSource.manager, budgetId, revisionNo);
    if (revision === undefined) throw notFound('Revision');
    return revision;
  }
}

function meta(revision: TRevision): TRevisionMeta {
  const { document: _document, disclosure: _disclosure, findings: _findings, ...rest } = revision;
  return rest;
}
