import { WORKFLOW_ACTIONS } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The audit actions that move a budget from one state to another: its wait starts at the latest. */
const TRANSITION_ACTIONS = WORKFLOW_ACTIONS.map((action) => `budget.${action}`);
/** The bureau's dates are its own calendar days. */
const BUREAU_TIME_ZONE = 'Asia/Shanghai';

export interface TDepartmentYearRow {
  department_id: string;
  code: string;
  name: string;
  budget_id: string | null;
  state: string | null;
  /** when the budget entered its state: its last transition, else its creation */
  state_since: Date | null;
  /** the stored derivation's counts, when it is of the budget's current version */
  error_count: number | null;
  warning_count: number | null;
}

export interface TComplianceRow {
  department_id: string;
  code: string;
  name: string;
  budget_id: string;
  replied_on: string | null;
  published_on: string | null;
}

/**
 * The reads of the bureau's desk, each one statement over every department of a year: `scope` is
 * the reviewer's department ids, or null for all.
 */
@Injectable()
export class BureauRepository {
  async departmentsOfYear(m: EntityManager, year: number, scope: readonly string[] | null): Promise<TDepartmentYearRow[]> {
    return m.query(
      `SELECT d.id AS department_id, d.code, d.name, b.id AS budget_id, b.state,
              COALESCE(t.at, b.created_at) AS state_since,
              CASE WHEN bd.version = b.version THEN substring(bd.payload FROM '"errorCount":([0-9]+)')::int END AS error_count,
              CASE WHEN bd.version = b.version THEN regexp_count(bd.payload, '"severity":"warning"') END AS warning_count
       FROM departments d
       LEFT JOIN budgets b ON b.department_id = d.id AND b.fiscal_year = $1
       LEFT JOIN LATERAL (
         SELECT a.at FROM audit_log a WHERE a.budget_id = b.id AND a.action = ANY($2::text[]) ORDER BY a.id DESC LIMIT 1
       ) t ON true
       LEFT JOIN budget_derivations bd ON bd.budget_id = b.id
       WHERE $3::uuid[] IS NULL OR d.id = ANY($3::uuid[])
       ORDER BY d.code`,
      [year, TRANSITION_ACTIONS, scope],
    );
  }

  /** Expenditure of the year's budgets by 功能 类 (the first three digits), in whole 分 as text. */
  async byFunctionClass(m: EntityManager, year: number, scope: readonly string[] | null): Promise<{ class_code: string; fen: string }[]> {
    return m.query(
      `SELECT left(l.function_code, 3) AS class_code, (sum(l.amount) * 100)::bigint::text AS fen
       FROM expenditure_lines l JOIN budgets b ON b.id = l.budget_id
       WHERE b.fiscal_year = $1 AND ($2::uuid[] IS NULL OR b.department_id = ANY($2::uuid[]))
       GROUP BY 1 ORDER BY 1`,
      [year, scope],
    );
  }

  /**
   * Each budget of the year with its 批复 date (the day of its first approval, in the bureau's
   * calendar) and the day it was first published.
   */
  async compliance(m: EntityManager, year: number, scope: readonly string[] | null): Promise<TComplianceRow[]> {
    return m.query(
      `SELECT d.id AS department_id, d.code, d.name, b.id AS budget_id,
              (r.at AT TIME ZONE $3)::date::text AS replied_on,
              (p.at AT TIME ZONE $3)::date::text AS published_on
       FROM budgets b JOIN departments d ON d.id = b.department_id
       LEFT JOIN LATERAL (
         SELECT a.at FROM audit_log a WHERE a.budget_id = b.id AND a.action = 'budget.approve' ORDER BY a.id LIMIT 1
       ) r ON true
       LEFT JOIN LATERAL (SELECT min(published_at) AS at FROM publications WHERE budget_id = b.id) p ON true
       WHERE b.fiscal_year = $1 AND ($2::uuid[] IS NULL OR b.department_id = ANY($2::uuid[]))
       ORDER BY d.code`,
      [year, scope, BUREAU_TIME_ZONE],
    );
  }

  /** Today in the bureau's calendar, as the database's clock says. */
  async today(m: EntityManager): Promise<string> {
    const rows: { today: string }[] = await m.query(`SELECT (now() AT TIME ZONE $1)::date::text AS today`, [BUREAU_TIME_ZONE]);
    return rows[0]!.today;
  }
}
