import { THREE_PUBLIC_ECONOMIC_CODES, type CeilingLineSum, type Fen, type FundSource, type TCeilingsInput, type TExpenditureKind, type TExpenditureLine } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TLinesOf } from '../budgets/budget-lines.repository';
import { updateReturning } from '../budgets/update-returning';

export interface TCeilingsRow {
  department_id: string;
  fiscal_year: number;
  ceilings: TCeilingsInput;
  version: number;
  issued_by: string;
  issued_at: Date;
}

/** What an upload keeps of each sheet row it read: the department it names and the ceilings in wire form. */
export interface TUploadedCeilings {
  position: string;
  departmentCode: string;
  departmentId: string | null;
  departmentName: string | null;
  ceilings: TCeilingsInput;
}

export interface TCeilingUploadRow {
  id: string;
  fiscal_year: number;
  rows: { rows: TUploadedCeilings[]; problems: { position: string; column: string; reason: string }[] };
  uploaded_at: Date;
  confirmed_at: Date | null;
}

/** A row of ceilingSumsSql: numeric summed in SQL, read back as text. */
export interface TCeilingSumRow {
  kind: TExpenditureKind;
  fund_source: FundSource;
  economic_code: string;
  fen: string;
}

/**
 * A budget's expenditure summed by what ceilings look at (kind, fund source, and the 三公 款 kept
 * apart, every other 款 as ''), in whole 分: `budget` is the SQL of the budget's id, `year` that of
 * its fiscal year (the partition of its lines), `codes` that of the 三公 款 (THREE_PUBLIC_ECONOMIC_CODES).
 */
export function ceilingSumsSql(budget: string, year: string, codes: string): string {
  return `SELECT kind, fund_source, CASE WHEN economic_code = ANY(${codes}::text[]) THEN economic_code ELSE '' END AS economic_code,
                 (sum(amount) * 100)::bigint::text AS fen
          FROM expenditure_lines WHERE budget_id = ${budget} AND fiscal_year = ${year} GROUP BY 1, 2, 3`;
}

export function toLineSum(row: TCeilingSumRow): CeilingLineSum {
  return { kind: row.kind, fundSource: row.fund_source, economicCode: row.economic_code, fen: Number(row.fen) as Fen };
}

/** The ceilings of departments' years, their uploads, and the line sums they are compared with. */
@Injectable()
export class CeilingsRepository {
  async find(m: EntityManager, departmentId: string, fiscalYear: number): Promise<TCeilingsRow | undefined> {
    const rows: TCeilingsRow[] = await m.query(
      `SELECT department_id, fiscal_year, ceilings, version, issued_by, issued_at FROM department_ceilings WHERE department_id = $1 AND fiscal_year = $2`,
      [departmentId, fiscalYear],
    );
    return rows[0];
  }

  /**
   * When the 预算科 last answered the budget's 一上 with its ceilings (下达控制数, the review act
   * `issue-ceilings`); undefined before. Filling the figures in (the row's own time) is not issuing them.
   */
  async issuedAt(m: EntityManager, budgetId: string): Promise<Date | undefined> {
    const rows: { at: Date | null }[] = await m.query(`SELECT max(at) AS at FROM budget_reviews WHERE budget_id = $1 AND action = 'issue-ceilings'`, [budgetId]);
    return rows[0]?.at ?? undefined;
  }

  /** Every department's ceilings of a year, by department id. */
  async ofYear(m: EntityManager, fiscalYear: number): Promise<Map<string, TCeilingsRow>> {
    const rows: TCeilingsRow[] = await m.query(
      `SELECT department_id, fiscal_year, ceilings, version, issued_by, issued_at FROM department_ceilings WHERE fiscal_year = $1`,
      [fiscalYear],
    );
    return new Map(rows.map((r) => [r.department_id, r]));
  }

  /**
   * Issues or replaces the ceilings; with `seenVersion`, only if they are still at that version
   * (0: none issued yet). The new version, or undefined when someone changed them first.
   */
  async put(m: EntityManager, change: { departmentId: string; fiscalYear: number; ceilings: TCeilingsInput; issuedBy: string; seenVersion: number | undefined }): Promise<number | undefined> {
    const { departmentId, fiscalYear, ceilings, issuedBy, seenVersion } = change;
    if (seenVersion !== undefined && seenVersion > 0) {
      const updated = await updateReturning<{ version: number }>(
        m,
        `UPDATE department_ceilings SET ceilings = $3, issued_by = $4, issued_at = now(), version = version + 1
         WHERE department_id = $1 AND fiscal_year = $2 AND version = $5 RETURNING version`,
        [departmentId, fiscalYear, ceilings, issuedBy, seenVersion],
      );
      return updated[0]?.version;
    }
    // Seen as none issued (0): only a first issue; not seen at all: the last write wins.
    const inserted: { version: number }[] = await m.query(
      `INSERT INTO department_ceilings AS c (department_id, fiscal_year, ceilings, issued_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (fiscal_year, department_id) DO UPDATE
         SET ceilings = EXCLUDED.ceilings, issued_by = EXCLUDED.issued_by, issued_at = now(), version = c.version + 1
         WHERE $5::int IS NULL
       RETURNING version`,
      [departmentId, fiscalYear, ceilings, issuedBy, seenVersion ?? null],
    );
    return inserted[0]?.version;
  }

  /** The working copy's expenditure summed as ceilings look at it (see ceilingSumsSql). */
  async lineSums(m: EntityManager, budget: TLinesOf): Promise<CeilingLineSum[]> {
    const rows: TCeilingSumRow[] = await m.query(ceilingSumsSql('$1', '$3', '$2'), [budget.id, THREE_PUBLIC_ECONOMIC_CODES, budget.fiscal_year]);
    return rows.map(toLineSum);
  }

  /**
   * The revisions that stand for the rounds of a budget: 一上's (kept when the ceilings were issued),
   * the latest 二上 submission's, and the one whose figures the 批复 made 预算指标.
   */
  async roundRevisions(m: EntityManager, budgetId: string): Promise<{ proposal: number | null; final: number | null; replied: number | null }> {
    const rows: { proposal: number | null; final: number | null; replied: number | null }[] = await m.query(
      `SELECT b.proposal_revision_no AS proposal,
              (SELECT r.revision_no FROM budget_reviews r WHERE r.budget_id = b.id AND r.action = 'submit' AND r.round IN ('ceilings', 'final') ORDER BY r.id DESC LIMIT 1) AS final,
              (SELECT max(i.revision_no) FROM budget_indicators i WHERE i.budget_id = b.id) AS replied
       FROM budgets b WHERE b.id = $1`,
      [budgetId],
    );
    return rows[0] ?? { proposal: null, final: null, replied: null };
  }

  /** The expenditure lines of a frozen revision, as its document holds them. */
  async revisionLines(m: EntityManager, budgetId: string, revisionNo: number): Promise<TExpenditureLine[]> {
    const rows: { lines: TExpenditureLine[] }[] = await m.query(`SELECT document->'expenditureLines' AS lines FROM revisions WHERE budget_id = $1 AND revision_no = $2`, [budgetId, revisionNo]);
    return rows[0]?.lines ?? [];
  }

  async insertUpload(m: EntityManager, fiscalYear: number, rows: TCeilingUploadRow['rows'], uploadedBy: string): Promise<TCeilingUploadRow> {
    const inserted: TCeilingUploadRow[] = await m.query(
      `INSERT INTO ceiling_uploads (fiscal_year, rows, uploaded_by) VALUES ($1, $2, $3) RETURNING id, fiscal_year, rows, uploaded_at, confirmed_at`,
      [fiscalYear, rows, uploadedBy],
    );
    return inserted[0]!;
  }

  async findUpload(m: EntityManager, fiscalYear: number, id: string): Promise<TCeilingUploadRow | undefined> {
    const rows: TCeilingUploadRow[] = await m.query(`SELECT id, fiscal_year, rows, uploaded_at, confirmed_at FROM ceiling_uploads WHERE id = $1 AND fiscal_year = $2`, [id, fiscalYear]);
    return rows[0];
  }

  /** Marks the upload confirmed; false when it was confirmed already (the first confirmation wins). */
  async confirmUpload(m: EntityManager, id: string, confirmedBy: string): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(m, `UPDATE ceiling_uploads SET confirmed_by = $2, confirmed_at = now() WHERE id = $1 AND confirmed_at IS NULL RETURNING id`, [id, confirmedBy]);
    return rows.length > 0;
  }
}
