import { UnrecoverableError } from 'bullmq';
import { ZDisclosure } from '@budgetflow/domain';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { TOutboxJobData } from '../../../queue/job-registry';
import { renderDisclosureFiles } from '../disclosure-files.renderer';
import { RevisionFilesRepository } from '../revision-files.repository';

export const ZRenderRevisionJobData = z.object({
  budgetId: z.uuid(),
  revisionNo: z.number().int().min(1),
});

/**
 * At approval: renders the files of the approved revision, so that the publisher can read what
 * publishing it would publish. The files and the outbox row's `done_at` are stored in one
 * transaction, as RenderPublicationJob stores its own: a run cut short leaves nothing, and a rerun
 * after the commit finds the files and does nothing.
 */
export class RenderRevisionJob {
  private readonly files = new RevisionFilesRepository();

  constructor(private readonly dataSource: DataSource) {}

  async handle(data: TOutboxJobData): Promise<string> {
    const parsed = ZRenderRevisionJobData.safeParse(data.payload);
    if (!parsed.success) throw new UnrecoverableError(`bad render-revision payload: ${parsed.error.message}`);
    const { budgetId, revisionNo } = parsed.data;
    if (await this.files.hasFiles(this.dataSource.manager, budgetId, revisionNo)) {
      await this.dataSource.query(`UPDATE outbox SET done_at = now() WHERE id = $1 AND done_at IS NULL`, [data.outboxId]);
      return 'already-rendered';
    }
    const rows: { disclosure: unknown; createdAt: Date }[] = await this.dataSource.query(
      `SELECT disclosure, created_at AS "createdAt" FROM revisions WHERE budget_id = $1 AND revision_no = $2`,
      [budgetId, revisionNo],
    );
    const revision = rows[0];
    if (revision === undefined) throw new UnrecoverableError(`revision ${revisionNo} of budget ${budgetId} does not exist`);
    const files = await renderDisclosureFiles(ZDisclosure.parse(revision.disclosure), { createdAt: revision.createdAt });
    await this.dataSource.transaction(async (m) => {
      await this.files.insert(m, budgetId, revisionNo, files);
      await m.query(`UPDATE outbox SET done_at = now() WHERE id = $1`, [data.outboxId]);
    });
    return `rendered ${files.length} files`;
  }
}
