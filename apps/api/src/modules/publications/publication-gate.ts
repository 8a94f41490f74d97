import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { PublicationsRepository } from '../public/publications.repository';
import { RevisionFilesRepository } from '../reports/revision-files.repository';
import { PublicationFilesRepository } from './publication-files.repository';

export interface TPublishRequest {
  budgetId: string;
  revisionNo: number;
  departmentId: string;
  fiscalYear: number;
  publishedBy: string;
}

/**
 * `publish`, gated: a disclosure becomes public only with files that were rendered and passed their
 * check. The publication row, its check and the copy of the revision's files are written in the
 * publish transaction, so the page, the JSON, the files and the list entry appear in one commit; a
 * revision still rendering, or whose files failed, is refused and nothing is written.
 */
@Injectable()
export class PublicationGate {
  private readonly revisionFiles = new RevisionFilesRepository();
  private readonly files = new PublicationFilesRepository();
  private readonly publications = new PublicationsRepository();

  async publish(m: EntityManager, request: TPublishRequest): Promise<{ id: string; versionNo: number }> {
    const check = await this.revisionFiles.findCheck(m, request.budgetId, request.revisionNo);
    if (check === undefined) {
      throw new AppError('RENDER_PENDING', 'The files of this revision are still being rendered and checked; publish once they are ready', [], { 'Retry-After': '5' });
    }
    if (!check.passed) {
      throw new AppError(
        'RENDER_CHECK_FAILED',
        `The rendered files of revision ${request.revisionNo} failed their check (${check.problems.length} problem(s)); nothing was published`,
        check.problems.map((p) => ({ path: p.file, message: `${p.code}: ${p.message}` })),
      );
    }
    const publication = await this.publications.insert(m, request);
    await this.files.recordOutcome(m, publication.id, check, request);
    return publication;
  }
}
