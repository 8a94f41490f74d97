import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { notFound } from '../../common/errors/app-error';
import { BudgetsService } from '../budgets/budgets.service';
import { RevisionFilesRepository, type TRevisionFileContent } from '../reports/revision-files.repository';
import type { TRevisionFiles } from './revision-files.schema';
import { RevisionsRepository } from './revisions.repository';

/** The rendered files of a revision of a visible budget. */
@Injectable()
export class RevisionFilesService {
  private readonly files = new RevisionFilesRepository();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
    private readonly revisions: RevisionsRepository,
  ) {}

  async list(caller: TCaller, budgetId: string, revisionNo: number): Promise<TRevisionFiles> {
    await this.mustFindRevision(caller, budgetId, revisionNo);
    const [files, check] = await Promise.all([this.files.list(this.dataSource.manager, budgetId, revisionNo), this.files.findCheck(this.dataSource.manager, budgetId, revisionNo)]);
    return {
      items: files.map((f) => ({ ...f, url: `/api/budgets/${budgetId}/revisions/${revisionNo}/files/${encodeURIComponent(f.name)}` })),
      check: check ?? null,
    };
  }

  async content(caller: TCaller, budgetId: string, revisionNo: number, name: string): Promise<TRevisionFileContent> {
    await this.mustFindRevision(caller, budgetId, revisionNo);
    const file = await this.files.findContent(this.dataSource.manager, budgetId, revisionNo, name);
    if (file === undefined) throw notFound('File');
    return file;
  }

  private async mustFindRevision(caller: TCaller, budgetId: string, revisionNo: number): Promise<void> {
    await this.budgets.mustFind(this.dataSource.manager, caller, budgetId);
    if ((await this.revisions.findMeta(this.dataSource.manager, budgetId, revisionNo)) === undefined) throw notFound('Revision');
  }
}
