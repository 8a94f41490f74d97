import type { BudgetState } from '@budgetflow/domain';

export type TBudgetStateValue = BudgetState;

/**
 * A budgets row as the finders return it (snake_case columns), without its lines and without the
 * rest of its document (up to megabytes of projects): reads that need it load it by name.
 */
export interface TBudgetRow {
  id: string;
  department_id: string;
  department_code: string;
  department_name: string;
  /** a 单位预算: its unit (二级单位); null for the 部门预算 */
  unit_code: string | null;
  unit_name: string | null;
  fiscal_year: number;
  state: TBudgetStateValue;
  version: number;
  revision_no: number;
  return_reason: string | null;
  /** the version whose import last replaced the lines and the rest of the document (0: never imported) */
  lines_replaced_in: number;
  created_at: Date;
  updated_at: Date;
  /** the date of its 批复 (YYYY-MM-DD), from which the 20 days to publish run; null before it */
  replied_on: string | null;
}

/** The columns of TBudgetRow, for the finders' SELECT lists (alias b = budgets, d = departments). */
export const BUDGET_COLUMNS = `b.id, b.department_id, d.code AS department_code, d.name AS department_name,
  b.unit_code, (SELECT bu.name FROM budget_units bu WHERE bu.code = b.unit_code) AS unit_name,
  b.fiscal_year, b.state, b.version, b.revision_no, b.return_reason, b.lines_replaced_in, b.created_at, b.updated_at,
  to_char(b.replied_on, 'YYYY-MM-DD') AS replied_on`;
