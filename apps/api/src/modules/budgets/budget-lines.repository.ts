import { randomBytes } from 'node:crypto';
import type { TExpenditureLine, TIncomeLine } from '@budgetflow/domain';
import { copyExpenditureLines } from './expenditure-copy';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TExpenditureLineRow, TIncomeLineRow } from './mappers/budget-document.mapper';
import { updateReturning } from './update-returning';

const EXPENDITURE_COLUMNS = 'line_id, unit_code, function_code, economic_code, kind, project_id, fund_source, amount::text AS amount, note';
const INCOME_COLUMNS = 'line_id, source, amount::text AS amount, unit_code';

/**
 * A budget as its lines are found: by id, in the partition of its fiscal year (the line tables are
 * partitioned by year, migration 1798500000000). Every write supplies the year, and every read
 * names it, so that the planner reads one partition. A budget row (TBudgetRow) is one.
 */
export interface TLinesOf {
  readonly id: string;
  readonly fiscal_year: number;
}

/** Where an edit writes lines: the budget version it makes and the first of the ordinals it reserved. */
export interface TLineStamp {
  version: number;
  firstOrdinal: number;
}

/**
 * Lines as rows. Writes go through unnest() of column arrays: one statement for any number of
 * lines, amounts passed as text and cast to numeric so that no float is ever involved.
 */
@Injectable()
export class BudgetLinesRepository {
  /**
   * Adds or replaces lines, stamped with the budget version that writes them (see LineSnapshots).
   * New lines take the ordinals from `firstOrdinal` on, reserved by the edit (BudgetsRepository.bumpIfEditable);
   * a line sent unchanged is not rewritten (no new row version, its stamp stays).
   */
  async upsertExpenditure(m: EntityManager, budget: TLinesOf, lines: readonly TExpenditureLine[], at: TLineStamp): Promise<void> {
    if (lines.length === 0) return;
    await m.query(
      `INSERT INTO expenditure_lines
         (budget_id, fiscal_year, line_id, ordinal, unit_code, function_code, economic_code, kind, project_id, fund_source, amount, note, changed_in)
       SELECT $1, $13, t.line_id, $12 + t.ord - 1, t.unit_code, t.function_code, t.economic_code, t.kind, t.project_id,
              t.fund_source, t.amount::numeric(18,2), t.note, $11
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
              WITH ORDINALITY AS t(line_id, unit_code, function_code, economic_code, kind, project_id, fund_source, amount, note, ord)
       ON CONFLICT (budget_id, line_id, fiscal_year) DO UPDATE SET
         unit_code = EXCLUDED.unit_code, function_code = EXCLUDED.function_code, economic_code = EXCLUDED.economic_code,
         kind = EXCLUDED.kind, project_id = EXCLUDED.project_id, fund_source = EXCLUDED.fund_source,
         amount = EXCLUDED.amount, note = EXCLUDED.note, changed_in = EXCLUDED.changed_in
       WHERE (expenditure_lines.unit_code, expenditure_lines.function_code, expenditure_lines.economic_code, expenditure_lines.kind,
              expenditure_lines.project_id, expenditure_lines.fund_source, expenditure_lines.amount, expenditure_lines.note)
         IS DISTINCT FROM (EXCLUDED.unit_code, EXCLUDED.function_code, EXCLUDED.economic_code, EXCLUDED.kind,
              EXCLUDED.project_id, EXCLUDED.fund_source, EXCLUDED.amount, EXCLUDED.note)`,
      [
        budget.id,
        lines.map((l) => l.id),
        lines.map((l) => l.unitCode),
        lines.map((l) => l.functionCode),
        lines.map((l) => l.economicCode),
        lines.map((l) => l.kind),
        lines.map((l) => l.projectId ?? null),
        lines.map((l) => l.fundSource),
        lines.map((l) => l.amount),
        lines.map((l) => l.note ?? null),
        at.version,
        at.firstOrdinal,
        budget.fiscal_year,
      ],
    );
  }

  /** As upsertExpenditure, for income lines (which carry no stamp: a worker reads them whole). */
  async upsertIncome(m: EntityManager, budget: TLinesOf, lines: readonly TIncomeLine[], firstOrdinal: number): Promise<void> {
    if (lines.length === 0) return;
    await m.query(
      `INSERT INTO income_lines (budget_id, fiscal_year, line_id, ordinal, source, amount, unit_code)
       SELECT $1, $7, t.line_id, $5 + t.ord - 1, t.source, t.amount::numeric(18,2), t.unit_code
       FROM unnest($2::text[], $3::text[], $4::text[], $6::text[]) WITH ORDINALITY AS t(line_id, source, amount, unit_code, ord)
       ON CONFLICT (budget_id, line_id, fiscal_year) DO UPDATE SET source = EXCLUDED.source, amount = EXCLUDED.amount, unit_code = EXCLUDED.unit_code
       WHERE (income_lines.source, income_lines.amount, income_lines.unit_code) IS DISTINCT FROM (EXCLUDED.source, EXCLUDED.amount, EXCLUDED.unit_code)`,
      [budget.id, lines.map((l) => l.id), lines.map((l) => l.source), lines.map((l) => l.amount), firstOrdinal, lines.map((l) => l.unitCode ?? null), budget.fiscal_year],
    );
  }

  /**
   * Removes lines by id, leaving a note of each removal under the budget version that made it;
   * returns the ids that did not exist (the caller refuses the edit then).
   */
  async removeExpenditure(m: EntityManager, budget: TLinesOf, ids: readonly string[], version: number): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { line_id: string }[] = await m.query(
      `WITH removed AS (DELETE FROM expenditure_lines WHERE budget_id = $1 AND fiscal_year = $4 AND line_id = ANY($2::text[]) RETURNING line_id)
       INSERT INTO removed_expenditure_lines (budget_id, line_id, removed_in) SELECT $1, line_id, $3 FROM removed RETURNING line_id`,
      [budget.id, [...ids], version, budget.fiscal_year],
    );
    return absent(ids, rows);
  }

  async removeIncome(m: EntityManager, budget: TLinesOf, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await updateReturning<{ line_id: string }>(m, `DELETE FROM income_lines WHERE budget_id = $1 AND fiscal_year = $3 AND line_id = ANY($2::text[]) RETURNING line_id`, [budget.id, [...ids], budget.fiscal_year]);
    return absent(ids, rows);
  }

  /**
   * Before an import writes all lines anew: what a worker holds of the old ones is of no use after
   * `version`. The import then numbers its `lineCount` lines from 1, and later edits go on after them.
   */
  async removeAll(m: EntityManager, budget: TLinesOf, version: number, lineCount: number): Promise<void> {
    await m.query(`DELETE FROM expenditure_lines WHERE budget_id = $1 AND fiscal_year = $2`, [budget.id, budget.fiscal_year]);
    await m.query(`DELETE FROM income_lines WHERE budget_id = $1 AND fiscal_year = $2`, [budget.id, budget.fiscal_year]);
    await m.query(`DELETE FROM removed_expenditure_lines WHERE budget_id = $1`, [budget.id]);
    await m.query(`UPDATE budgets SET lines_replaced_in = $2, next_line_ordinal = $3 + 1 WHERE id = $1`, [budget.id, version, lineCount]);
  }

  /** A document's lines written anew (every line of the budget removed first, or into a new one). */
  async replaceAll(m: EntityManager, budget: TLinesOf, version: number, expenditure: readonly TExpenditureLine[], income: readonly TIncomeLine[]): Promise<void> {
    await this.removeAll(m, budget, version, expenditure.length + income.length);
    await copyExpenditureLines(m, budget, expenditure);
    await this.upsertIncome(m, budget, income, expenditure.length + 1);
  }

  async loadExpenditure(m: EntityManager, budget: TLinesOf): Promise<TExpenditureLineRow[]> {
    return m.query(`SELECT ${EXPENDITURE_COLUMNS} FROM expenditure_lines WHERE budget_id = $1 AND fiscal_year = $2 ORDER BY ordinal`, [budget.id, budget.fiscal_year]);
  }

  /** Lines written by a version after `version`, in the order of the budget. */
  async loadExpenditureChangedSince(m: EntityManager, budget: TLinesOf, version: number): Promise<TExpenditureLineRow[]> {
    return m.query(`SELECT ${EXPENDITURE_COLUMNS} FROM expenditure_lines WHERE budget_id = $1 AND fiscal_year = $3 AND changed_in > $2 ORDER BY ordinal`, [
      budget.id,
      version,
      budget.fiscal_year,
    ]);
  }

  /** Ids of lines removed by a version after `version` (some may have been added again since). */
  async removedExpenditureSince(m: EntityManager, budgetId: string, version: number): Promise<string[]> {
    const rows: { line_id: string }[] = await m.query(`SELECT line_id FROM removed_expenditure_lines WHERE budget_id = $1 AND removed_in > $2`, [budgetId, version]);
    return rows.map((r) => r.line_id);
  }

  async loadIncome(m: EntityManager, budget: TLinesOf): Promise<TIncomeLineRow[]> {
    return m.query(`SELECT ${INCOME_COLUMNS} FROM income_lines WHERE budget_id = $1 AND fiscal_year = $2 ORDER BY ordinal`, [budget.id, budget.fiscal_year]);
  }

  /**
   * A budget's lines in its order, `step` at a time, through a cursor of the caller's transaction
   * (which `m` must be in): one index scan for the whole read, where pages by OFFSET or by ordinal
   * would each scan or sort what is left.
   */
  async *expenditureInSteps(m: EntityManager, budget: TLinesOf, step: number): AsyncGenerator<TExpenditureLineRow[]> {
    const cursor = `expenditure_${randomBytes(6).toString('hex')}`;
    await m.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${EXPENDITURE_COLUMNS} FROM expenditure_lines WHERE budget_id = $1 AND fiscal_year = $2 ORDER BY ordinal`, [
      budget.id,
      budget.fiscal_year,
    ]);
    try {
      for (;;) {
        const rows: TExpenditureLineRow[] = await m.query(`FETCH ${step} FROM ${cursor}`);
        if (rows.length > 0) yield rows;
        if (rows.length < step) return;
      }
    } finally {
      await m.query(`CLOSE ${cursor}`).catch(() => undefined);
    }
  }

  async expenditurePage(m: EntityManager, budget: TLinesOf, page: number, pageSize: number): Promise<TExpenditureLineRow[]> {
    return m.query(
      `SELECT ${EXPENDITURE_COLUMNS} FROM expenditure_lines WHERE budget_id = $1 AND fiscal_year = $4 ORDER BY ordinal LIMIT $2 OFFSET $3`,
      [budget.id, pageSize, (page - 1) * pageSize, budget.fiscal_year],
    );
  }
}

/** The ids asked for that no row answered. */
function absent(ids: readonly string[], rows: readonly { line_id: string }[]): string[] {
  const found = new Set(rows.map((r) => r.line_id));
  return ids.filter((id) => !found.has(id));
}
