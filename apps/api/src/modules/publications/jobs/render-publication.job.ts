import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { TOutboxJobData } from '../../../queue/job-registry';
import { RevisionFilesRepository } from '../../reports/revision-files.repository';
import { RevisionRendering } from '../../reports/revision-rendering';
import { PublicationFilesRepository } from '../publication-files.repository';

export const ZRenderPublicationJobData = z.object({
  budgetId: z.uuid(),
  publicationId: z.uuid(),
  revisionNo: z.number().int().min(1),
  versionNo: z.number().int().min(1),
});

/**
 * The files of a publication made before `publish` became gated (its outbox rows may still be
 * waiting after an upgrade): publish now copies the checked files of the revision in its own
 * transaction and writes no such row. The publication is invisible until this job records its
 * outcome; it reuses the revision's files and check, rendering them first if they were never made.
 * The outcome and the outbox row's `done_at` commit together, so a rerun after the commit does nothing.
 */
export class RenderPublicationJob {
  private readonly files = new PublicationFilesRepository();
  private readonly revisionFiles = new RevisionFilesRepository();
  private readonly rendering: RevisionRendering;

  constructor(private readonly dataSource: DataSource) {
    this.rendering = new RevisionRendering(dataSource);
  }

  async handle(data: TOutboxJobData): Promise<string> {
    const parsed = ZRenderPublicationJobData.safeParse(data.payload);
    if (!parsed.success) throw new UnrecoverableError(`bad render-publication payload: ${parsed.error.message}`);
    const { publicationId, budgetId, revisionNo } = parsed.data;
    if (await this.files.hasOutcome(this.dataSource.manager, publicationId)) {
      await this.dataSource.query(`UPDATE outbox SET done_at = now() WHERE id = $1 AND done_at IS NULL`, [data.outboxId]);
      return 'already-rendered';
    }
    const check = (await this.revisionFiles.findCheck(this.dataSource.manager, budgetId, revisionNo)) ?? (await this.rendering.render(budgetId, revisionNo, async () => undefined));
    await this.dataSource.transaction(async (m) => {
      await this.files.recordOutcome(m, publicationId, check, { budgetId, revisionNo });
      await m.query(`UPDATE outbox SET done_at = now() WHERE id = $1`, [data.outboxId]);
    });
    return check.passed ? 'published the revision files' : `check failed: ${check.problems.length} problem(s)`;
  }
}
