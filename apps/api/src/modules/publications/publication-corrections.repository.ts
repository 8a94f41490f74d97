import { ZDisclosure, type TCorrection, type TDisclosure } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import { BUREAU_TIME_ZONE } from '../bureau/bureau-desk.repository';
import { OPENING_REASON } from '../reports/revision-correction.repository';

/** What a correction is written from: the two versions' disclosures, the reason given, the day. */
export interface TCorrectionSource {
  previous: { id: string; versionNo: number; disclosure: TDisclosure };
  next: TDisclosure;
  reason: string;
  date: string;
}

/** Named queries on publication_corrections (append-only): the 更正说明 of version 2 and later. */
export class PublicationCorrectionsRepository {
  /**
   * For a publication of version ≥ 2: the version before it, both disclosures, and the reason of the
   * step that opened the corrected revision (更正's reason, or the 预算调整's: the one its PDF prints); undefined for version 1.
   */
  async source(m: EntityManager, p: { budgetId: string; revisionNo: number; versionNo: number }): Promise<TCorrectionSource | undefined> {
    if (p.versionNo < 2) return undefined;
    const rows: { id: string; previous: unknown; next: unknown; reason: string | null; today: string }[] = await m.query(
      `SELECT p.id, pr.disclosure AS previous, nr.disclosure AS next,
              ${OPENING_REASON} AS reason,
              (now() AT TIME ZONE '${BUREAU_TIME_ZONE}')::date::text AS today
       FROM publications p
       JOIN revisions pr ON pr.budget_id = p.budget_id AND pr.revision_no = p.revision_no
       JOIN revisions nr ON nr.budget_id = $1 AND nr.revision_no = $2
       WHERE p.budget_id = $1 AND p.version_no = $3`,
      [p.budgetId, p.revisionNo, p.versionNo - 1],
    );
    const row = rows[0];
    if (row === undefined) throw new Error(`publication ${p.versionNo} of ${p.budgetId} has no version before it`);
    return {
      previous: { id: row.id, versionNo: p.versionNo - 1, disclosure: ZDisclosure.parse(row.previous) },
      next: ZDisclosure.parse(row.next),
      reason: row.reason ?? '',
      date: row.today,
    };
  }

  async insert(m: EntityManager, publicationId: string, previousPublicationId: string, correction: TCorrection): Promise<void> {
    await m.query(
      `INSERT INTO publication_corrections (publication_id, previous_publication_id, reason, corrected_on, changes) VALUES ($1, $2, $3, $4::date, $5)`,
      [publicationId, previousPublicationId, correction.reason, correction.date, JSON.stringify(correction.changes)],
    );
  }
}
