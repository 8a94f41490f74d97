import type { TBudgetDocument } from '@budgetflow/domain';

/** The little of a query runner this needs: TypeORM's DataSource or a pg pool adapter. */
export interface TQuery {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface TCopy {
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  /** Last year's total as the department states it (上年预算数), and why the total changed. */
  lastYearTotal?: string;
  changeReason?: string;
  /** Each line's amount is multiplied by this whole number (default 1): copies that differ in size. */
  scale?: number;
}

/**
 * A published copy of an existing publication for another department or year, written straight
 * into the tables (the frozen revision, the budget, the publication) as publishing leaves them:
 * for portal tests and benches that need many published disclosures, not the workflow that makes them.
 */
export async function publishCopy(db: TQuery, sourcePublicationId: string, copy: TCopy): Promise<string> {
  const [source] = (await db.query(
    `SELECT r.document, r.disclosure, r.sha256, r.submitted_by AS "submittedBy", p.published_by AS "publishedBy"
     FROM publications p JOIN revisions r ON r.budget_id = p.budget_id AND r.revision_no = p.revision_no WHERE p.id = $1`,
    [sourcePublicationId],
  )) as { document: TBudgetDocument; disclosure: { meta: Record<string, unknown> }; sha256: string; submittedBy: string; publishedBy: string }[];
  if (source === undefined) throw new Error(`no publication ${sourcePublicationId}`);
  const scale = BigInt(copy.scale ?? 1);
  const unit = { ...source.document.department.units[0], code: copy.departmentCode, name: copy.departmentName, level: 'self' as const };
  const document: TBudgetDocument = {
    ...source.document,
    fiscalYear: copy.fiscalYear,
    department: { ...source.document.department, code: copy.departmentCode, name: copy.departmentName, units: [unit] },
    expenditureLines: source.document.expenditureLines.map((l) => {
      const [yuan = '0', fen = '00'] = l.amount.split('.');
      const scaled = (BigInt(yuan) * 100n + BigInt(fen.padEnd(2, '0'))) * scale;
      return { ...l, unitCode: copy.departmentCode, amount: `${scaled / 100n}.${String(scaled % 100n).padStart(2, '0')}` };
    }),
    projects: source.document.projects.map((p) => ({ ...p, unitCode: copy.departmentCode })),
    priorYears: copy.lastYearTotal === undefined ? [] : [{ year: copy.fiscalYear - 1, total: copy.lastYearTotal }],
    explanations: { ...source.document.explanations, totalChangeReason: copy.changeReason ?? '' },
  };
  const disclosure = { ...source.disclosure, meta: { ...source.disclosure.meta, fiscalYear: copy.fiscalYear, departmentCode: copy.departmentCode, departmentName: copy.departmentName } };
  const [row] = (await db.query(
    `WITH d AS (
       INSERT INTO departments (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id
     ), b AS (
       INSERT INTO budgets (department_id, fiscal_year, state, revision_no, document) SELECT d.id, $3, 'published', 1, $4::jsonb FROM d RETURNING id, department_id
     ), r AS (
       INSERT INTO revisions (budget_id, revision_no, budget_version, document, disclosure, findings, sha256, submitted_by, editors)
       SELECT b.id, 1, 1, $4::jsonb, $5::jsonb, '[]', $6, $7, ARRAY[$7::uuid] FROM b RETURNING budget_id
     )
     INSERT INTO publications (budget_id, version_no, revision_no, department_id, fiscal_year, published_by)
     SELECT b.id, 1, 1, b.department_id, $3, $8 FROM b JOIN r ON r.budget_id = b.id RETURNING id`,
    [copy.departmentCode, copy.departmentName, copy.fiscalYear, JSON.stringify(document), JSON.stringify(disclosure), source.sha256, source.submittedBy, source.publishedBy],
  )) as { id: string }[];
  if (row === undefined) throw new Error('the copy was not published');
  // Public only once its files passed their check (the gate); a copy has no files, so its check is recorded as passed.
  await db.query(`INSERT INTO publication_checks (publication_id, passed, problems) VALUES ($1, true, '[]')`, [row.id]);
  return row.id;
}
