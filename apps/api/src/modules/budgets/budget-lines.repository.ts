import type { TExpenditureLine, TIncomeLine } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TExpenditureLineRow, TIncomeLineRow } from './mappers/budget-document.mapper';
import { updateReturning } from './update-returning';

const EXPENDITURE_COLUMNS = 'line_id, unit_code, function_code, economic_code, kind, project_id, fund_source, amount::text AS amount, note';
const INCOME_COLUMNS = 'line_id, source, amount::text AS amount';

/**
 * Lines as rows. Writes go through unnest() of column arrays: one statement for any number of
 * lines, amounts passed as text and cast to numeric so that no float is ever involved.
 */
@Injectable()
export class BudgetLinesRepository {
  async upsertExpenditure(m: EntityManager, budgetId: string, lines: readonly TExpenditureLine[]): Promise<void> {
    if (lines.length === 0) return;
    await m.query(
      `INSERT INTO expenditure_lines
         (budget_id, line_id, ordinal, unit_code, function_code, economic_code, kind, project_id, fund_source, amount, note)
       SELECT $1, t.line_id, base.n + t.ord, t.unit_code, t.function_code, t.economic_code, t.kind, t.project_id,
              t.fund_source, t.amount::numeric(18,2), t.note
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
              WITH ORDINALITY AS t(line_id, unit_code, function_code, economic_code, kind, project_id, fund_source, amount, note, ord),
            (SELECT coalesce(max(ordinal), 0) AS n FROM expenditure_lines WHERE budget_id = $1) base
       ON CONFLICT (budget_id, line_id) DO UPDATE SET
         unit_code = EXCLUDED.unit_code, function_code = EXCLUDED.function_code, economic_code = EXCLUDED.economic_code,
         kind = EXCLUDED.kind, project_id = EXCLUDED.project_id, fund_source = EXCLUDED.fund_source,
         amount = EXCLUDED.amount, note = EXCLUDED.note`,
      [
        budgetId,
        lines.map((l) => l.id),
        lines.map((l) => l.unitCode),
        lines.map((l) => l.functionCode),
        lines.map((l) => l.economicCode),
        lines.map((l) => l.kind),
        lines.map((l) => l.projectId ?? null),
        lines.map((l) => l.fundSource),
        lines.map((l) => l.amount),
        lines.map((l) => l.note ?? null),
      ],
    );
  }

  async upsertIncome(m: EntityManager, budgetId: string, lines: readonly TIncomeLine[]): Promise<void> {
    if (lines.length === 0) return;
    await m.query(
      `INSERT INTO income_lines (budget_id, line_id, ordinal, source, amount)
       SELECT $1, t.line_id, base.n + t.ord, t.source, t.amount::numeric(18,2)
       FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(line_id, source, amount, ord),
            (SELECT coalesce(max(ordinal), 0) AS n FROM income_lines WHERE budget_id = $1) base
       ON CONFLICT (budget_id, line_id) DO UPDATE SET source = EXCLUDED.source, amount = EXCLUDED.amount`,
      [budgetId, lines.map((l) => l.id), lines.map((l) => l.source), lines.map((l) => l.amount)],
    );
  }

  /** Removes lines by id; returns the ids that did not exist (the caller refuses the edit then). */
  async removeExpenditure(m: EntityManager, budgetId: string, ids: readonly string[]): Promise<string[]> {
    return this.remove(m, 'expenditure_lines', budgetId, ids);
  }

  async removeIncome(m: EntityManager, budgetId: string, ids: readonly string[]): Promise<string[]> {
    return this.remove(m, 'income_lines', budgetId, ids);
  }

  private async remove(m: EntityManager, table: 'expenditure_lines' | 'income_lines', budgetId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await updateReturning<{ line_id: string }>(
      m,
      `DELETE FROM ${table} WHERE budget_id = $1 AND line_id = ANY($2::text[]) RETURNING line_id`,
      [budgetId, [...ids]],
    );
    const removed = new Set(rows.map((r) => r.line_id));
    return ids.filter((id) => !removed.has(id));
  }

  async removeAll(m: EntityManager, budgetId: string): Promise<void> {
    await m.query(`DELETE FROM expenditure_lines WHERE budget_id = $1`, [budgetId]);
    await m.query(`DELETE FROM income_lines WHERE budget_id = $1`, [budgetId]);
  }

  async loadExpenditure(m: EntityManager, budgetId: string): Promise<TExpenditureLineRow[]> {
    return m.query(`SELECT ${EXPENDITURE_COLUMNS} FROM expenditure_lines WHERE budget_id = $1 ORDER BY ordinal`, [budgetId]);
  }

  async loadIncome(m: EntityManager, budgetId: string): Promise<TIncomeLineRow[]> {
    return m.query(`SELECT ${INCOME_COLUMNS} FROM income_lines WHERE budget_id = $1 ORDER BY ordinal`, [budgetId]);
  }

  async expenditurePage(m: EntityManager, budgetId: string, page: number, pageSize: number): Promise<TExpenditureLineRow[]> {
    return m.query(
      `SELECT ${EXPENDITURE_COLUMNS} FROM expenditure_lines WHERE budget_id = $1 ORDER BY ordinal LIMIT $2 OFFSET $3`,
      [budgetId, pageSize, (page - 1) * pageSize],
    );
  }
}
