import { UnrecoverableError } from 'bullmq';
import { ZDisclosure } from '@budgetflow/domain';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { TOutboxJobData } from '../../../queue/job-registry';
import { checkRenderedFiles } from '../../reports/check/rendered-check';
import { renderDisclosureFiles } from '../../reports/disclosure-files.renderer';
import { lineFiles, lineSetOf } from '../../open-data/line-files';
import { PublicationFilesRepository } from '../publication-files.repository';

export const ZRenderPublicationJobData = z.object({
  budgetId: z.uuid(),
  publicationId: z.uuid(),
  revisionNo: z.number().int().min(1),
  versionNo: z.number().int().min(1),
});

/**
 * At publish: renders the files of the published revision, checks them, and stores the outcome and
 * the files with the outbox row's `done_at` in one transaction. Whatever happens before that commit
 * (a crash, a kill, Redis gone) leaves nothing behind, and the rerun starts clean; a rerun after the
 * commit finds the outcome and does nothing. The files are stamped with the revision's date, so a
 * rerun would produce the same files anyway.
 */
export class RenderPublicationJob {
  private readonly files = new PublicationFilesRepository();

  constructor(private readonly dataSource: DataSource) {}

  async handle(data: TOutboxJobData): Promise<string> {
    const parsed = ZRenderPublicationJobData.safeParse(data.payload);
    if (!parsed.success) throw new UnrecoverableError(`bad render-publication payload: ${parsed.error.message}`);
    const { publicationId, budgetId, revisionNo } = parsed.data;
    if (await this.files.hasOutcome(this.dataSource.manager, publicationId)) {
      await this.markDone(data.outboxId);
      return 'already-rendered';
    }
    const rows: { document: unknown; disclosure: unknown; createdAt: Date }[] = await this.dataSource.query(
      `SELECT r.document, r.disclosure, r.created_at AS "createdAt" FROM revisions r WHERE r.budget_id = $1 AND r.revision_no = $2`,
      [budgetId, revisionNo],
    );
    const revision = rows[0];
    if (revision === undefined) throw new UnrecoverableError(`revision ${revisionNo} of budget ${budgetId} does not exist`);
    const disclosure = ZDisclosure.parse(revision.disclosure);
    // The line-level open data (lines.csv and its package) is published beside the tables' files.
    const lines = lineFiles(lineSetOf(revision.document, disclosure));
    const files = [...(await renderDisclosureFiles(disclosure, { createdAt: revision.createdAt })), lines.csv, lines.datapackage];
    const problems = await checkRenderedFiles(disclosure, files);
    await this.dataSource.transaction(async (m) => {
      await this.files.recordOutcome(m, publicationId, problems, files);
      await m.query(`UPDATE outbox SET done_at = now() WHERE id = $1`, [data.outboxId]);
    });
    return problems.length === 0 ? `published ${files.length} files` : `check failed: ${problems.length} problem(s)`;
  }

  private async markDone(outboxId: string): Promise<void> {
    await this.dataSource.query(`UPDATE outbox SET done_at = now() WHERE id = $1 AND done_at IS NULL`, [outboxId]);
  }
}
