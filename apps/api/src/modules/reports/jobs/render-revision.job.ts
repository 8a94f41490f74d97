import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { TOutboxJobData } from '../../../queue/job-registry';
import { RevisionFilesRepository } from '../revision-files.repository';
import { RevisionRendering } from '../revision-rendering';

export const ZRenderRevisionJobData = z.object({
  budgetId: z.uuid(),
  revisionNo: z.number().int().min(1),
});

/**
 * At approval: renders the files of the approved revision and checks them (RevisionRendering), so
 * that the publisher reads what publishing it would publish and publishing copies them as they are.
 * The outbox row's `done_at` is stored with the files and the check: a rerun after the commit finds
 * the check and does nothing.
 */
export class RenderRevisionJob {
  private readonly files = new RevisionFilesRepository();
  private readonly rendering: RevisionRendering;

  constructor(private readonly dataSource: DataSource) {
    this.rendering = new RevisionRendering(dataSource);
  }

  async handle(data: TOutboxJobData): Promise<string> {
    const parsed = ZRenderRevisionJobData.safeParse(data.payload);
    if (!parsed.success) throw new UnrecoverableError(`bad render-revision payload: ${parsed.error.message}`);
    const { budgetId, revisionNo } = parsed.data;
    const markDone = `UPDATE outbox SET done_at = now() WHERE id = $1 AND done_at IS NULL`;
    if ((await this.files.findCheck(this.dataSource.manager, budgetId, revisionNo)) !== undefined) {
      await this.dataSource.query(markDone, [data.outboxId]);
      return 'already-rendered';
    }
    const outcome = await this.rendering.render(budgetId, revisionNo, (m) => m.query(markDone, [data.outboxId]));
    return outcome.passed ? `rendered ${outcome.fileCount} files` : `check failed: ${outcome.problems.length} problem(s)`;
  }
}
