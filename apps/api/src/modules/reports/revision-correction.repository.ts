import type { TCorrectionStatement } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import { BUREAU_TIME_ZONE } from '../bureau/bureau-desk.repository';

/** The reason of a 更正 or 预算调整: the review step that opened the revision (recorded on the revision before it). */
export const OPENING_REASON = `(SELECT reason FROM budget_reviews WHERE budget_id = $1 AND revision_no < $2 AND action IN ('revise', 'adjust') ORDER BY id DESC LIMIT 1)`;

/** Named query on publications and budget_reviews: what a revision corrects, for its files to say so. */
export class RevisionCorrectionRepository {
  /**
   * The 更正说明 of a revision that comes after a published version, undefined for one that does
   * not. It is known at approval, when the files are rendered, and stays true until the revision is
   * published: a budget publishes its revisions in order, each at most once, so publishing this one
   * makes the version after the last published before it, and the reason is that of the step that
   * opened it. Asked by revision, not by "now", a render that runs late still says the same.
   */
  async statementOf(m: EntityManager, budgetId: string, revisionNo: number): Promise<TCorrectionStatement | undefined> {
    const rows: { previousVersion: number; previousPublishedOn: string; reason: string | null }[] = await m.query(
      `SELECT p.version_no AS "previousVersion", (p.published_at AT TIME ZONE '${BUREAU_TIME_ZONE}')::date::text AS "previousPublishedOn", ${OPENING_REASON} AS reason
       FROM publications p WHERE p.budget_id = $1 AND p.revision_no < $2 ORDER BY p.version_no DESC LIMIT 1`,
      [budgetId, revisionNo],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return { versionNo: row.previousVersion + 1, previousVersion: row.previousVersion, previousPublishedOn: row.previousPublishedOn, reason: row.reason ?? '' };
  }
}
