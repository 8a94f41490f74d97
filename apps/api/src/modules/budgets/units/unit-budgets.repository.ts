import type { BudgetState } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TLinesOf } from '../budget-lines.repository';
import { updateReturning } from '../update-returning';

/** A unit's budget (单位预算) of a department's year, as the 部门预算 lists it. */
export interface TUnitBudgetRow {
  id: string;
  unit_code: string;
  unit_name: string;
  state: BudgetState;
  version: number;
  revision_no: number;
  updated_at: Date;
}

/** The department's budget of a year, beside its units'. */
export interface TDepartmentBudgetRow {
  id: string;
  fiscal_year: number;
  state: BudgetState;
  version: number;
  /** the date of its 批复 (YYYY-MM-DD); null before it */
  replied_on: string | null;
}

/** 单位预算 and the 部门预算 they are consolidated into: one department, one year. */
@Injectable()
export class UnitBudgetsRepository {
  /** The units' budgets of the department's year, by unit code. */
  async ofDepartmentYear(m: EntityManager, departmentId: string, fiscalYear: number): Promise<TUnitBudgetRow[]> {
    return m.query(
      `SELECT b.id, b.unit_code, bu.name AS unit_name, b.state, b.version, b.revision_no, b.updated_at
       FROM budgets b JOIN budget_units bu ON bu.code = b.unit_code
       WHERE b.department_id = $1 AND b.fiscal_year = $2 AND b.unit_code IS NOT NULL
       ORDER BY b.unit_code`,
      [departmentId, fiscalYear],
    );
  }

  /** The department's own budget of the year; with `lock`, its row is held until the transaction ends. */
  async departmentBudget(m: EntityManager, departmentId: string, fiscalYear: number, lock = false): Promise<TDepartmentBudgetRow | undefined> {
    const rows: TDepartmentBudgetRow[] = await m.query(
      `SELECT id, fiscal_year, state, version, to_char(replied_on, 'YYYY-MM-DD') AS replied_on FROM budgets WHERE department_id = $1 AND fiscal_year = $2 AND unit_code IS NULL ${lock ? 'FOR UPDATE' : ''}`,
      [departmentId, fiscalYear],
    );
    return rows[0];
  }

  /** Whether the budget has a publication (a 单位预算 published at least once). */
  async isPublished(m: EntityManager, budgetId: string): Promise<boolean> {
    const rows: { published: boolean }[] = await m.query(`SELECT EXISTS (SELECT 1 FROM publications WHERE budget_id = $1) AS published`, [budgetId]);
    return rows[0]?.published === true;
  }

  /** The disclosure template a budget's document prints under (absent: the seed's). */
  async templateOf(m: EntityManager, budgetId: string): Promise<{ template?: string }> {
    const rows: { template: string | null }[] = await m.query(`SELECT document->>'template' AS template FROM budgets WHERE id = $1`, [budgetId]);
    const template = rows[0]?.template ?? null;
    return template === null ? {} : { template };
  }

  /** The ids among `expenditureIds` and `incomeIds` whose lines in the budget belong to one of `unitCodes`. */
  async linesOfUnits(m: EntityManager, budget: TLinesOf, unitCodes: readonly string[], expenditureIds: readonly string[], incomeIds: readonly string[]): Promise<string[]> {
    const rows: { line_id: string }[] = await m.query(
      `SELECT line_id FROM expenditure_lines WHERE budget_id = $1 AND fiscal_year = $5 AND unit_code = ANY($2::text[]) AND line_id = ANY($3::text[])
       UNION ALL
       SELECT line_id FROM income_lines WHERE budget_id = $1 AND fiscal_year = $5 AND unit_code = ANY($2::text[]) AND line_id = ANY($4::text[])`,
      [budget.id, [...unitCodes], [...expenditureIds], [...incomeIds], budget.fiscal_year],
    );
    return rows.map((r) => r.line_id);
  }

  /** Bumps the 部门预算's version for a consolidation, if it is still editable; undefined when it is not. */
  async bumpDepartmentBudget(m: EntityManager, id: string): Promise<{ version: number; revision_no: number } | undefined> {
    const rows = await updateReturning<{ version: number; revision_no: number }>(
      m,
      `UPDATE budgets SET version = version + 1, updated_at = now() WHERE id = $1 AND state IN ('draft', 'returned') RETURNING version, revision_no`,
      [id],
    );
    return rows[0];
  }
}
