import { UnrecoverableError } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxRepository } from '../workflow/outbox.repository';
import type { TRenderProblem } from './check/rendered-check';
import { renderInWorker } from './render-pool';
import { RevisionCorrectionRepository } from './revision-correction.repository';
import { RevisionFilesRepository, type TRevisionCheck } from './revision-files.repository';

/** The notification's action when a revision's files fail their check (the publisher cannot publish it). */
export const RENDER_CHECK_FAILED_ACTION = 'render-check-failed';
const PROBLEMS_TOLD = 3;

/**
 * Renders an approved revision's files and checks them, once per revision: the files and the check
 * are stored in one transaction with whatever the caller adds (its outbox row's `done_at`), so a
 * run cut short leaves nothing and a run after the commit finds the check. When the check fails the
 * department's publishers and preparers are told what failed, in that same transaction.
 *
 * A revision that corrects a published version carries its 更正说明 in its PDF and workbook,
 * rendered here with the rest rather than added at publication: the facts are known at approval
 * (RevisionCorrectionRepository), so the publisher reads the very files publishing copies, they are
 * still rendered once and checked before publication, and their sha256 stays the revision's.
 */
export class RevisionRendering {
  private readonly files = new RevisionFilesRepository();
  private readonly outbox = new OutboxRepository();
  private readonly corrections = new RevisionCorrectionRepository();

  constructor(private readonly dataSource: DataSource) {}

  async render(budgetId: string, revisionNo: number, alsoInTransaction: (m: EntityManager) => Promise<void>): Promise<TRevisionCheck & { fileCount: number }> {
    const rows: { document: unknown; disclosure: unknown; createdAt: Date }[] = await this.dataSource.query(
      `SELECT document, disclosure, created_at AS "createdAt" FROM revisions WHERE budget_id = $1 AND revision_no = $2`,
      [budgetId, revisionNo],
    );
    const revision = rows[0];
    if (revision === undefined) throw new UnrecoverableError(`revision ${revisionNo} of budget ${budgetId} does not exist`);
    const correction = await this.corrections.statementOf(this.dataSource.manager, budgetId, revisionNo);
    const { files, problems } = await renderInWorker({ document: revision.document, disclosure: revision.disclosure, createdAt: revision.createdAt, correction });
    await this.dataSource.transaction(async (m) => {
      await this.files.insert(m, budgetId, revisionNo, files);
      const recorded = await this.files.recordCheck(m, budgetId, revisionNo, problems);
      if (recorded && problems.length > 0) {
        const reason = problemsText(problems);
        for (const who of ['publishers', 'preparers'] as const) {
          await this.outbox.add(m, 'budget.notify', { budgetId, action: RENDER_CHECK_FAILED_ACTION, who, reason });
        }
      }
      await alsoInTransaction(m);
    });
    return { passed: problems.length === 0, problems, fileCount: files.length };
  }
}

/** The first problems in a line a notification can hold; the publish page lists them all. */
function problemsText(problems: readonly TRenderProblem[]): string {
  const told = problems.slice(0, PROBLEMS_TOLD).map((p) => `${p.file}: ${p.message}`);
  const more = problems.length > PROBLEMS_TOLD ? ` (+${problems.length - PROBLEMS_TOLD})` : '';
  return `${told.join('; ')}${more}`;
}
