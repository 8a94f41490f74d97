import { ceilingFiguresOf, ceilingFiguresToWire, THREE_PUBLIC_ECONOMIC_CODES, WORKFLOW_ACTIONS, type BudgetRound, type CeilingFiguresWire, type ReviewChain, type UnitPublication } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ceilingSumsSql, toLineSum, type TCeilingSumRow } from '../ceilings/ceilings.repository';

/**
 * The audit actions that move a budget from one state or stage to another: its wait starts at the
 * latest. A 审签 leaves the budget approved, still waiting for its publication since the 批复.
 */
const TRANSITION_ACTIONS = WORKFLOW_ACTIONS.filter((action) => action !== 'sign-off').map((action) => `budget.${action}`);
/** The bureau's dates are its own calendar days (the 20-day clock's, a correction's). */
export const BUREAU_TIME_ZONE = 'Asia/Shanghai';
/** The 批复 date (the document's, as the last stage recorded it) and the day of the first publication, of alias b. */
const PUBLICATION_DATES = {
  columns: `to_char(b.replied_on, 'YYYY-MM-DD') AS replied_on, (p.at AT TIME ZONE '${BUREAU_TIME_ZONE}')::date::text AS published_on`,
  joins: `LEFT JOIN LATERAL (SELECT min(published_at) AS at FROM publications WHERE budget_id = b.id) p ON true`,
};

/**
 * The 单位预算 a department's 二级单位 owe, on the 部门预算 of alias b: each unit marked 二级单位 with
 * the day its own budget of the year was first published, null before, by unit code; and the
 * template its document prints under (whether it has a 单位 scope is the domain's to say,
 * unitsCompliance). The template is read only where there are units: the document is the budget's
 * largest value, and a department without 二级单位 owes no 单位预算 whatever its template. Each unit
 * also carries the id of its own budget of the year (null without one), which the statutory clock's
 * notices are about (TUnitOwing).
 */
export const UNIT_PUBLICATIONS = {
  columns: `CASE WHEN up.units <> '[]'::jsonb THEN b.document->>'template' END AS template, up.units`,
  joins: `LEFT JOIN LATERAL (
         SELECT COALESCE(jsonb_agg(jsonb_build_object('code', bu.code, 'name', bu.name, 'publishedOn', (fp.at AT TIME ZONE '${BUREAU_TIME_ZONE}')::date::text, 'budgetId', ub.id) ORDER BY bu.code), '[]'::jsonb) AS units
         FROM budget_units bu
         LEFT JOIN budgets ub ON ub.department_id = b.department_id AND ub.fiscal_year = b.fiscal_year AND ub.unit_code = bu.code
         LEFT JOIN LATERAL (SELECT min(published_at) AS at FROM publications WHERE budget_id = ub.id) fp ON true
         WHERE bu.department_id = b.department_id AND bu.level = 'subordinate'
       ) up ON true`,
};

export interface TDepartmentYearRow {
  department_id: string;
  /** the department's ceilings of the year (ZCeilings wire form), null when none are issued */
  ceilings: unknown;
  replied_on: string | null;
  published_on: string | null;
  /** today in the bureau's calendar */
  today: string;
  code: string;
  name: string;
  budget_id: string | null;
  state: string | null;
  round: BudgetRound | null;
  stage_index: number | null;
  /** the chain the budget was submitted under, null before its first submission */
  review_chain: ReviewChain | null;
  /** when the budget entered its state: its last transition, else its creation */
  state_since: Date | null;
  /** the budget's figures as ceilings limit them, at its current version (budget_figures), null without a budget */
  figures: CeilingFiguresWire | null;
  classes: Record<string, string> | null;
  /** the stored derivation's counts, null while the current version is not derived */
  error_count: number | null;
  warning_count: number | null;
  /** whether the budget's figures are to be brought up to date (see desk) */
  stale: boolean;
}

/** A row of budget_figures: what the desk shows of one version of a budget. */
interface TFiguresRow {
  budget_id: string;
  version: number;
  figures: CeilingFiguresWire;
  /** fen as text by 功能 类 */
  classes: Record<string, string>;
  error_count: number | null;
  warning_count: number | null;
}

/** A 二级单位 as UNIT_PUBLICATIONS reads it: its publication, and its own budget of the year (null: none). */
export interface TUnitOwing extends UnitPublication {
  budgetId: string | null;
}

/** What the compliance list needs of a 部门预算's 二级单位 (see UNIT_PUBLICATIONS). */
export interface TUnitPublicationsRow {
  department_id: string;
  /** the template the 部门预算's document prints under; null when it names none, or has no units */
  template: string | null;
  units: TUnitOwing[];
}

export interface TComplianceRow extends TUnitPublicationsRow {
  code: string;
  name: string;
  budget_id: string;
  replied_on: string | null;
  published_on: string | null;
}

/** The budgets of a year within a scope ($1 the year, $2 the department ids or null for all), on alias b. */
// The bureau sees the 部门预算 of each department; its units' budgets are the department's to consolidate.
const OF_YEAR = `b.fiscal_year = $1 AND b.unit_code IS NULL AND ($2::uuid[] IS NULL OR b.department_id = ANY($2::uuid[]))`;

/**
 * The reads of the bureau's desk, each one statement over every department of a year: `scope` is
 * the reviewer's department ids, or null for all.
 */
@Injectable()
export class BureauDeskRepository {
  /**
   * Every department of the scope with its budget of the year and its figures. Figures missing, of
   * an older version, or without the counts of a derivation made since are brought up to date first
   * and the desk read again: a desk whose figures are fresh is one statement, and sums nothing.
   */
  async desk(m: EntityManager, year: number, scope: readonly string[] | null): Promise<TDepartmentYearRow[]> {
    const rows = await this.departmentsOfYear(m, year, scope);
    const stale = rows.filter((row) => row.stale).map((row) => row.budget_id!);
    if (stale.length === 0) return rows;
    await this.computeFigures(m, stale);
    return this.departmentsOfYear(m, year, scope);
  }

  /**
   * The figures of some budgets: each row's sums, counts and version read in one statement (the same
   * snapshot), folded into the figures the ceilings compare, and stored in one more; a row of a newer
   * version (a concurrent refresh) is never replaced.
   */
  private async computeFigures(m: EntityManager, budgetIds: readonly string[]): Promise<void> {
    const rows: (Omit<TFiguresRow, 'figures'> & { sums: TCeilingSumRow[] })[] = await m.query(
      `SELECT b.id AS budget_id, b.version, s.sums, c.classes,
              CASE WHEN bd.version = b.version THEN substring(bd.payload FROM '"errorCount":([0-9]+)')::int END AS error_count,
              CASE WHEN bd.version = b.version THEN regexp_count(bd.payload, '"severity":"warning"') END AS warning_count
       FROM budgets b
       LEFT JOIN budget_derivations bd ON bd.budget_id = b.id
       CROSS JOIN LATERAL (
         SELECT COALESCE(jsonb_agg(to_jsonb(x)), '[]'::jsonb) AS sums FROM (${ceilingSumsSql('b.id', 'b.fiscal_year', '$2')}) x
       ) s
       CROSS JOIN LATERAL (
         SELECT COALESCE(jsonb_object_agg(y.class_code, y.fen), '{}'::jsonb) AS classes
         FROM (SELECT left(function_code, 3) AS class_code, (sum(amount) * 100)::bigint::text AS fen FROM expenditure_lines WHERE budget_id = b.id AND fiscal_year = b.fiscal_year GROUP BY 1) y
       ) c
       WHERE b.id = ANY($1::uuid[])`,
      [[...budgetIds], THREE_PUBLIC_ECONOMIC_CODES],
    );
    const figures: TFiguresRow[] = rows.map(({ sums, ...row }) => ({ ...row, figures: ceilingFiguresToWire(ceilingFiguresOf(sums.map(toLineSum))) }));
    await m.query(
      `INSERT INTO budget_figures (budget_id, version, figures, classes, error_count, warning_count)
       SELECT budget_id, version, figures, classes, error_count, warning_count
       FROM jsonb_to_recordset($1::jsonb) AS x(budget_id uuid, version integer, figures jsonb, classes jsonb, error_count integer, warning_count integer)
       ORDER BY budget_id
       ON CONFLICT (budget_id) DO UPDATE
         SET version = EXCLUDED.version, figures = EXCLUDED.figures, classes = EXCLUDED.classes, error_count = EXCLUDED.error_count, warning_count = EXCLUDED.warning_count
         WHERE budget_figures.version <= EXCLUDED.version`,
      [JSON.stringify(figures)],
    );
  }

  /** Every department of the scope with its budget of the year, its figures, ceilings and publication dates: the whole desk in one statement. */
  private async departmentsOfYear(m: EntityManager, year: number, scope: readonly string[] | null): Promise<TDepartmentYearRow[]> {
    return m.query(
      `SELECT d.id AS department_id, d.code, d.name, b.id AS budget_id, b.state, b.round, b.stage_index, b.review_chain,
              COALESCE(t.at, b.created_at) AS state_since,
              CASE WHEN f.version = b.version THEN f.figures END AS figures, CASE WHEN f.version = b.version THEN f.classes END AS classes,
              CASE WHEN f.version = b.version THEN f.error_count END AS error_count, CASE WHEN f.version = b.version THEN f.warning_count END AS warning_count,
              b.id IS NOT NULL AND (f.budget_id IS NULL OR f.version <> b.version OR (f.error_count IS NULL AND bd.version = b.version)) AS stale,
              dc.ceilings,
              ${PUBLICATION_DATES.columns}, (now() AT TIME ZONE '${BUREAU_TIME_ZONE}')::date::text AS today
       FROM departments d
       LEFT JOIN budgets b ON b.department_id = d.id AND b.fiscal_year = $1 AND b.unit_code IS NULL
       LEFT JOIN budget_figures f ON f.budget_id = b.id
       LEFT JOIN budget_derivations bd ON bd.budget_id = b.id
       LEFT JOIN department_ceilings dc ON dc.department_id = d.id AND dc.fiscal_year = $1
       LEFT JOIN LATERAL (
         SELECT a.at FROM audit_log a WHERE a.budget_id = b.id AND a.action = ANY($3::text[]) ORDER BY a.id DESC LIMIT 1
       ) t ON true
       ${PUBLICATION_DATES.joins}
       WHERE $2::uuid[] IS NULL OR d.id = ANY($2::uuid[])
       ORDER BY d.code`,
      [year, scope, TRANSITION_ACTIONS],
    );
  }

  /** Each budget of the year with its 批复 date and the day it was first published, and its 二级单位's. */
  async compliance(m: EntityManager, year: number, scope: readonly string[] | null): Promise<TComplianceRow[]> {
    return m.query(
      `SELECT d.id AS department_id, d.code, d.name, b.id AS budget_id, ${PUBLICATION_DATES.columns}, ${UNIT_PUBLICATIONS.columns}
       FROM budgets b JOIN departments d ON d.id = b.department_id
       ${PUBLICATION_DATES.joins}
       ${UNIT_PUBLICATIONS.joins}
       WHERE ${OF_YEAR}
       ORDER BY d.code`,
      [year, scope],
    );
  }

  /** The 二级单位 of each 部门预算 of the year, for the desk's compliance list (its departments' dates are the desk's own statement's). */
  async unitPublications(m: EntityManager, year: number, scope: readonly string[] | null): Promise<TUnitPublicationsRow[]> {
    return m.query(
      `SELECT b.department_id, ${UNIT_PUBLICATIONS.columns}
       FROM budgets b
       ${UNIT_PUBLICATIONS.joins}
       WHERE ${OF_YEAR}`,
      [year, scope],
    );
  }

  /** The fiscal years with a budget of a department in the scope, newest first. */
  async yearsWithBudgets(m: EntityManager, scope: readonly string[] | null): Promise<number[]> {
    const rows: { fiscal_year: number }[] = await m.query(
      `SELECT DISTINCT b.fiscal_year FROM budgets b WHERE b.unit_code IS NULL AND ($1::uuid[] IS NULL OR b.department_id = ANY($1::uuid[])) ORDER BY b.fiscal_year DESC`,
      [scope],
    );
    return rows.map((row) => row.fiscal_year);
  }

  /** Today in the bureau's calendar, as the database's clock says. */
  async today(m: EntityManager): Promise<string> {
    const rows: { today: string }[] = await m.query(`SELECT (now() AT TIME ZONE '${BUREAU_TIME_ZONE}')::date::text AS today`);
    return rows[0]!.today;
  }
}
