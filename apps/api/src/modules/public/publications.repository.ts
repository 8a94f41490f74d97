import type { TPublication, TPublicationSummary } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A 单位预算's unit ({code, name}), listed under its department; null for a 部门预算. */
export const UNIT_OF_PUBLICATION = `(SELECT json_build_object('code', bu.code, 'name', bu.name) FROM budget_units bu WHERE bu.code = p.unit_code)`;

/** A timestamp as the API writes one: ISO 8601 in UTC, to the millisecond. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SUMMARY = `p.id, p.budget_id AS "budgetId", p.version_no AS "versionNo", p.revision_no AS "revisionNo",
  p.fiscal_year AS "fiscalYear", json_build_object('code', d.code, 'name', d.name) AS department, ${UNIT_OF_PUBLICATION} AS unit,
  ${iso('p.published_at')} AS "publishedAt",
  p.version_no = max(p.version_no) OVER (PARTITION BY p.budget_id) AS latest`;

/** The publications anyone may see: those whose files passed their check (all since publish is gated). */
const VISIBLE = `publications p JOIN publication_checks c ON c.publication_id = p.id AND c.passed JOIN departments d ON d.id = p.department_id`;

/** Publications: each publish adds a version; a correction never replaces what was published. */
@Injectable()
export class PublicationsRepository {
  async insert(m: EntityManager, p: { budgetId: string; revisionNo: number; departmentId: string; unitCode: string | null; fiscalYear: number; publishedBy: string }): Promise<{ id: string; versionNo: number }> {
    const rows: { id: string; versionNo: number }[] = await m.query(
      `INSERT INTO publications (budget_id, version_no, revision_no, department_id, unit_code, fiscal_year, published_by)
       SELECT $1, coalesce(max(version_no), 0) + 1, $2, $3, $4, $5, $6 FROM publications WHERE budget_id = $1
       RETURNING id, version_no AS "versionNo"`,
      [p.budgetId, p.revisionNo, p.departmentId, p.unitCode, p.fiscalYear, p.publishedBy],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('publication insert returned nothing');
    return row;
  }

  async list(m: EntityManager, filter: { year: number | undefined; departmentCode: string | undefined; page: number; pageSize: number }): Promise<{ items: TPublicationSummary[]; total: number }> {
    const where = `($1::int IS NULL OR p.fiscal_year = $1) AND ($2::text IS NULL OR d.code = $2)`;
    const [items, count]: [TPublicationSummary[], { total: number }[]] = await Promise.all([
      m.query(
        `SELECT ${SUMMARY} FROM ${VISIBLE} WHERE ${where}
         ORDER BY p.fiscal_year DESC, d.code, p.version_no DESC LIMIT $3 OFFSET $4`,
        [filter.year ?? null, filter.departmentCode ?? null, filter.pageSize, (filter.page - 1) * filter.pageSize],
      ),
      m.query(`SELECT count(*)::int AS total FROM ${VISIBLE} WHERE ${where}`, [
        filter.year ?? null,
        filter.departmentCode ?? null,
      ]),
    ]);
    return { items, total: count[0]?.total ?? 0 };
  }

  /**
   * One publication with the disclosure of the revision it published, for a correction its 更正说明,
   * and the newest version of its budget (one budget per department and year), so that an old link
   * can send its reader on.
   */
  async findWithDisclosure(m: EntityManager, id: string): Promise<Omit<TPublication, 'files'> | undefined> {
    const rows: Omit<TPublication, 'files'>[] = await m.query(
      `SELECT * FROM (
         SELECT ${SUMMARY}, r.disclosure, r.sha256,
                CASE WHEN pc.publication_id IS NULL THEN NULL ELSE json_build_object(
                  'reason', pc.reason, 'date', to_char(pc.corrected_on, 'YYYY-MM-DD'), 'previousVersion', pp.version_no, 'changes', pc.changes) END AS correction,
                json_build_object('id', first_value(p.id) OVER newest, 'versionNo', first_value(p.version_no) OVER newest,
                  'publishedAt', ${iso('(first_value(p.published_at) OVER newest)')}) AS "latestVersion"
         FROM ${VISIBLE}
         JOIN revisions r ON r.budget_id = p.budget_id AND r.revision_no = p.revision_no
         LEFT JOIN publication_corrections pc ON pc.publication_id = p.id
         LEFT JOIN publications pp ON pp.id = pc.previous_publication_id
         WHERE p.budget_id = (SELECT budget_id FROM publications WHERE id = $1)
         WINDOW newest AS (PARTITION BY p.budget_id ORDER BY p.version_no DESC)
       ) x WHERE x.id = $1`,
      [id],
    );
    return rows[0];
  }
}
