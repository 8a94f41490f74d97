import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A published version's frozen document and disclosure, which its lines are read from. */
export interface TPublishedRevision {
  publicationId: string;
  document: unknown;
  disclosure: unknown;
}

/** One line's place in the district dataset: its publication and its index among that document's lines. */
export interface TLineRef {
  publicationId: string;
  ordinal: number;
}

/**
 * The published versions open data reads. Only publications (never a budget's working copy or an
 * unpublished revision); for a district's year, each 部门预算's latest version, so a correction
 * replaces what it corrects instead of counting twice.
 */
const LATEST_OF_YEAR = `
  SELECT p.id, p.budget_id, p.revision_no, d.code AS department_code
  FROM publications p JOIN departments d ON d.id = p.department_id
  WHERE p.fiscal_year = $1
    AND p.unit_code IS NULL -- a unit's 单位预算 is already consolidated in its 部门预算: counted once
    AND p.version_no = (SELECT max(q.version_no) FROM publications q WHERE q.budget_id = p.budget_id)`;

@Injectable()
export class OpenDataRepository {
  async findPublished(m: EntityManager, publicationId: string): Promise<TPublishedRevision | undefined> {
    const rows: TPublishedRevision[] = await m.query(
      `SELECT p.id AS "publicationId", r.document, r.disclosure
       FROM publications p JOIN revisions r ON r.budget_id = p.budget_id AND r.revision_no = p.revision_no
       WHERE p.id = $1`,
      [publicationId],
    );
    return rows[0];
  }

  /** The year's latest published versions, in department order: the district dataset, one at a time. */
  async publishedIdsOfYear(m: EntityManager, fiscalYear: number): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM (${LATEST_OF_YEAR}) x ORDER BY department_code, id`, [fiscalYear]);
    return rows.map((r) => r.id);
  }

  /** A page of the year's lines (in department order, then the document's), and how many there are. */
  async pageOfYear(m: EntityManager, fiscalYear: number, page: { offset: number; limit: number }): Promise<{ refs: TLineRef[]; total: number }> {
    const lines = `
      SELECT x.id AS "publicationId", (l.ordinal - 1)::int AS ordinal, x.department_code
      FROM (${LATEST_OF_YEAR}) x
      JOIN revisions r ON r.budget_id = x.budget_id AND r.revision_no = x.revision_no
      CROSS JOIN LATERAL jsonb_array_elements(r.document->'expenditureLines') WITH ORDINALITY AS l(line, ordinal)`;
    const [refs, count]: [TLineRef[], { total: number }[]] = await Promise.all([
      m.query(`SELECT "publicationId", ordinal FROM (${lines}) y ORDER BY department_code, "publicationId", ordinal LIMIT $2 OFFSET $3`, [fiscalYear, page.limit, page.offset]),
      m.query(`SELECT count(*)::int AS total FROM (${lines}) y`, [fiscalYear]),
    ]);
    return { refs, total: count[0]?.total ?? 0 };
  }
}
