import type { BudgetRound, WorkflowAction } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BUDGET_COLUMNS, type TBudgetRow, type TBudgetStateValue } from './budget-row';
import type { TCaller } from '../../common/auth/caller';
import { visibleCondition, visibleParams } from './budget-visibility';
import type { TDocumentRest } from './mappers/budget-document.mapper';
import { updateReturning } from './update-returning';

export interface TBudgetListFilter {
  year?: number | undefined;
  state?: TBudgetStateValue | undefined;
  page: number;
  pageSize: number;
}

/** What a list shows of a budget. */
export type TBudgetSummaryRow = Omit<TBudgetRow, 'return_reason' | 'lines_replaced_in' | 'created_at'>;

/** Named finders over `budgets`; every read carries the viewer, so scope is never forgotten. */
@Injectable()
export class BudgetsRepository {
  async findVisible(m: EntityManager, viewer: TCaller, id: string): Promise<TBudgetRow | undefined> {
    const rows: TBudgetRow[] = await m.query(
      `SELECT ${BUDGET_COLUMNS} FROM budgets b JOIN departments d ON d.id = b.department_id
       WHERE b.id = $1 AND ${visibleCondition(2)}`,
      [id, ...visibleParams(viewer)],
    );
    return rows[0];
  }

  async listVisible(m: EntityManager, viewer: TCaller, filter: TBudgetListFilter): Promise<{ items: TBudgetSummaryRow[]; total: number }> {
    const where = `${visibleCondition(1)} AND ($5::int IS NULL OR b.fiscal_year = $5) AND ($6::text IS NULL OR b.state = $6)`;
    const params = [...visibleParams(viewer), filter.year ?? null, filter.state ?? null];
    const [items, count]: [TBudgetSummaryRow[], { total: number }[]] = await Promise.all([
      m.query(
        `SELECT b.id, b.department_id, d.code AS department_code, d.name AS department_name, b.fiscal_year,
                b.unit_code, (SELECT bu.name FROM budget_units bu WHERE bu.code = b.unit_code) AS unit_name,
                b.state, b.version, b.revision_no, b.updated_at, to_char(b.replied_on, 'YYYY-MM-DD') AS replied_on
         FROM budgets b JOIN departments d ON d.id = b.department_id
         WHERE ${where}
         ORDER BY b.fiscal_year DESC, d.code, b.unit_code NULLS FIRST, b.id
         LIMIT $7 OFFSET $8`,
        [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
      ),
      m.query(`SELECT count(*)::int AS total FROM budgets b WHERE ${where}`, params),
    ]);
    return { items, total: count[0]?.total ?? 0 };
  }

  /** Inserts a draft (of the department, or of one unit); undefined when it already has a budget for the year. */
  async insertDraft(m: EntityManager, departmentId: string, fiscalYear: number, rest: TDocumentRest, round: BudgetRound, unitCode: string | null = null): Promise<string | undefined> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO budgets (department_id, fiscal_year, document, round, unit_code) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department_id, fiscal_year, unit_code) DO NOTHING RETURNING id`,
      [departmentId, fiscalYear, rest, round, unitCode],
    );
    return rows[0]?.id;
  }

  /**
   * The optimistic lock of an edit: bumps the version only if it is still the one the editor saw
   * and the state still allows editing. Concurrent editors queue on the row lock; the losers find
   * the version moved and get undefined. Reserves `ordinals` line ordinals for the lines the edit
   * may add, from `first_ordinal` on (no lookup of the highest one in use).
   */
  async bumpIfEditable(
    m: EntityManager,
    id: string,
    version: number,
    editableStates: readonly string[],
    ordinals: number,
  ): Promise<{ version: number; revision_no: number; first_ordinal: number } | undefined> {
    const rows = await updateReturning<{ version: number; revision_no: number; first_ordinal: number }>(
      m,
      `UPDATE budgets SET version = version + 1, updated_at = now(), next_line_ordinal = next_line_ordinal + $4
       WHERE id = $1 AND version = $2 AND state = ANY($3::text[])
       RETURNING version, revision_no, next_line_ordinal - $4 AS first_ordinal`,
      [id, version, [...editableStates], ordinals],
    );
    return rows[0];
  }

  /** The non-line part of the document: department, projects, performance, prior years, texts. */
  async documentRest(m: EntityManager, id: string): Promise<TDocumentRest> {
    const rows: { document: TDocumentRest }[] = await m.query(`SELECT document FROM budgets WHERE id = $1`, [id]);
    const row = rows[0];
    if (row === undefined) throw new Error(`budget ${id} vanished`);
    return row.document;
  }

  /** The codes of the department's budget units as the document lists them. */
  async unitCodes(m: EntityManager, id: string): Promise<Set<string>> {
    const rows: { code: string }[] = await m.query(
      `SELECT u->>'code' AS code FROM budgets, jsonb_array_elements(document->'department'->'units') u WHERE id = $1`,
      [id],
    );
    return new Set(rows.map((r) => r.code));
  }

  /** Replaces the non-line part of the document (an import); the caller has bumped the version. */
  /** The template the budget's document names (absent: the default), without loading the document. */
  async templateOf(m: EntityManager, id: string): Promise<string | undefined> {
    const rows: { template: string | null }[] = await m.query(`SELECT document->>'template' AS template FROM budgets WHERE id = $1`, [id]);
    return rows[0]?.template ?? undefined;
  }

  async replaceDocumentRest(m: EntityManager, id: string, rest: TDocumentRest): Promise<void> {
    await m.query(`UPDATE budgets SET document = $2 WHERE id = $1`, [id, rest]);
  }

  /**
   * The conditional update of a transition: exactly one row when (state, version) are still what
   * the actor saw, none when someone else acted first.
   */
  async transitionIfCurrent(
    m: EntityManager,
    change: { id: string; from: TBudgetStateValue; version: number; to: TBudgetStateValue; freezeRevision: boolean; returnReason: string | null },
  ): Promise<{ version: number; revision_no: number } | undefined> {
    const rows = await updateReturning<{ version: number; revision_no: number }>(
      m,
      `UPDATE budgets SET state = $4, version = version + 1, updated_at = now(),
              revision_no = revision_no + CASE WHEN $5::boolean THEN 1 ELSE 0 END,
              return_reason = $6
       WHERE id = $1 AND state = $2 AND version = $3
       RETURNING version, revision_no`,
      [change.id, change.from, change.version, change.to, change.freezeRevision, change.returnReason],
    );
    return rows[0];
  }

  async currentVersion(m: EntityManager, id: string): Promise<{ state: TBudgetStateValue; version: number } | undefined> {
    const rows: { state: TBudgetStateValue; version: number }[] = await m.query(`SELECT state, version FROM budgets WHERE id = $1`, [id]);
    return rows[0];
  }

  /**
   * An edit's own rows in one statement: the user noted as an editor of the working copy that will
   * become revision `revisionNo`, and the totals job's outbox row for `version`. Answers the exact
   * sums of the budget's lines in 分, as the line tables' triggers keep them on its row (migration
   * 1797700000000; a statement after the edit's line writes sees them).
   */
  async recordEdit(m: EntityManager, edit: { id: string; version: number; revisionNo: number; userId: string }): Promise<TLineSums> {
    const [row]: { expenditure: string; income: string }[] = await m.query(
      `WITH editor AS (INSERT INTO budget_editors (budget_id, revision_no, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING),
            totals_job AS (INSERT INTO outbox (topic, payload) VALUES ('budget.totals', $4))
       SELECT trunc(expenditure_sum * 100)::text AS expenditure, trunc(income_sum * 100)::text AS income FROM budgets WHERE id = $1`,
      [edit.id, edit.revisionNo, edit.userId, JSON.stringify({ budgetId: edit.id, version: edit.version })],
    );
    return { expenditure: BigInt(row?.expenditure ?? 0), income: BigInt(row?.income ?? 0) };
  }

  /** Everyone who edited the content up to revision `revisionNo`: it carries their edits forward. */
  async editorsUpTo(m: EntityManager, id: string, revisionNo: number): Promise<string[]> {
    const rows: { user_id: string }[] = await m.query(
      `SELECT DISTINCT user_id FROM budget_editors WHERE budget_id = $1 AND revision_no <= $2 ORDER BY user_id`,
      [id, revisionNo],
    );
    return rows.map((r) => r.user_id);
  }

  /** Why the revision was opened, when a 更正 (revise) or a 预算调整 (adjust) opened it: the reason its actor gave. */
  async openingReason(m: EntityManager, id: string, revisionNo: number): Promise<TOpeningReason | null> {
    const rows: TOpeningReason[] = await m.query(
      `SELECT action, reason FROM budget_reviews
       WHERE budget_id = $1 AND revision_no = $2 AND action IN ('revise', 'adjust') AND reason IS NOT NULL
       ORDER BY id DESC LIMIT 1`,
      [id, revisionNo],
    );
    return rows[0] ?? null;
  }
}

/** The workflow actions that open a new revision with a reason: 更正 and 预算调整. */
type TOpeningAction = Extract<WorkflowAction, 'revise' | 'adjust'>;

export interface TOpeningReason {
  action: TOpeningAction;
  reason: string;
}

/** The exact sums of a budget's lines in 分: numeric adds without overflow, bigint holds any sum. */
export interface TLineSums {
  expenditure: bigint;
  income: bigint;
}
