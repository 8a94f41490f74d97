import { correctionChanges, renderCorrectionText } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { PublicationsRepository } from '../public/publications.repository';
import { RevisionFilesRepository } from '../reports/revision-files.repository';
import { RevisionRendering } from '../reports/revision-rendering';
import { PublicationCorrectionsRepository } from './publication-corrections.repository';
import { PublicationFilesRepository, type TOwnFile } from './publication-files.repository';

/** The 更正说明 among a correction's published files. */
const CORRECTION_NOTICE_FILE = 'correction-notice.txt';

export interface TPublishRequest {
  budgetId: string;
  revisionNo: number;
  departmentId: string;
  /** a unit's 单位预算, listed under its department; null for the 部门预算 */
  unitCode: string | null;
  fiscalYear: number;
  publishedBy: string;
}

/**
 * `publish`, gated: a disclosure becomes public only with files that were rendered and passed their
 * check. The files are rendered once per revision, at approval (RenderRevisionJob); a publish that
 * comes before the job renders them first itself (in the render pool's thread, before any lock is
 * taken). Then the publication row, its check and the copy of the revision's files are written in
 * the publish transaction, so the page, the JSON, the files and the list entry appear in one commit;
 * a revision whose files failed is refused with what failed, and nothing is written.
 */
@Injectable()
export class PublicationGate {
  private readonly revisionFiles = new RevisionFilesRepository();
  private readonly files = new PublicationFilesRepository();
  private readonly publications = new PublicationsRepository();
  private readonly corrections = new PublicationCorrectionsRepository();
  private readonly rendering: RevisionRendering;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.rendering = new RevisionRendering(dataSource);
  }

  /** Before the publish transaction: the revision's files are rendered and checked, now if not yet. */
  async prepare(budgetId: string, revisionNo: number): Promise<void> {
    if ((await this.revisionFiles.findCheck(this.dataSource.manager, budgetId, revisionNo)) !== undefined) return;
    await this.rendering.render(budgetId, revisionNo, async () => undefined);
  }

  /** In the publish transaction, after prepare(): the publication with its checked files, or RENDER_CHECK_FAILED. */
  async publish(m: EntityManager, request: TPublishRequest): Promise<{ id: string; versionNo: number }> {
    const check = await this.revisionFiles.findCheck(m, request.budgetId, request.revisionNo);
    if (check === undefined) throw new Error(`publish of revision ${request.revisionNo} of ${request.budgetId} before its files were prepared`);
    if (!check.passed) {
      throw new AppError(
        'RENDER_CHECK_FAILED',
        `The rendered files of revision ${request.revisionNo} failed their check (${check.problems.length} problem(s)); nothing was published`,
        check.problems.map((p) => ({ path: p.file, message: `${p.code}: ${p.message}` })),
      );
    }
    const publication = await this.publications.insert(m, request);
    await this.files.recordOutcome(m, publication.id, check, request, await this.correct(m, { ...request, ...publication }));
    return publication;
  }

  /**
   * 更正说明: version 2 and later publish beside them what changed against the version before, why
   * and when; stored for the public JSON and published as correction-notice.txt with the files.
   */
  private async correct(m: EntityManager, p: { id: string; versionNo: number; budgetId: string; revisionNo: number }): Promise<TOwnFile[]> {
    const source = await this.corrections.source(m, p);
    if (source === undefined) return [];
    const correction = { reason: source.reason, date: source.date, previousVersion: source.previous.versionNo, changes: correctionChanges(source.previous.disclosure, source.next) };
    await this.corrections.insert(m, p.id, source.previous.id, correction);
    const text = renderCorrectionText(source.next, { ...correction, versionNo: p.versionNo });
    return [{ name: CORRECTION_NOTICE_FILE, format: 'txt', mediaType: 'text/plain; charset=utf-8', content: Buffer.from(text, 'utf8') }];
  }
}
