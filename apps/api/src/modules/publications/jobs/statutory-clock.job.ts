import { unitDeadlines, type UnitDeadlineNotice } from '@budgetflow/domain';
import type { DataSource } from 'typeorm';
import { BUREAU_TIME_ZONE, UNIT_PUBLICATIONS, type TUnitOwing } from '../../bureau/bureau-desk.repository';

/** 预算法 art. 14: a department publishes its approved budget within 20 days of approval. */
export const STATUTORY_DAYS = 20;
/** The department's publishers are warned this many days before the limit. */
export const WARNING_DAYS_BEFORE = 5;

/** A 部门预算 with its 批复 and 二级单位, as the clock reads it (see UNIT_PUBLICATIONS). */
interface TRepliedDepartmentRow {
  budget_id: string;
  replied_on: string;
  template: string | null;
  units: TUnitOwing[];
  /** today in the bureau's calendar, at the clock's `now` */
  today: string;
}

/** One notice about a unit's 单位预算, to one audience, about the budget they can open. */
interface TUnitNotice {
  budgetId: string;
  action: `unit-${UnitDeadlineNotice}`;
  who: 'preparers' | 'publishers' | 'reviewers';
  unitCode: string;
  dueOn: string;
}

/**
 * The statutory clock, run by a repeatable job: for each approved but unpublished budget, counted
 * from the date of its 批复 (for one approved before 批复 dates were recorded: its last change),
 * warns its publishers as the 20 days run out and tells the
 * reviewers once it is overdue. The notices go through the outbox like any other, once per approval.
 * Where the template has a 单位 scope, each 二级单位's 单位预算 runs on the same 20 days of the
 * department's 批复 (the domain's unitDeadlines): the unit's preparers hear of both, and the
 * department's publishers of the warning and its reviewers of the delay, as for the 部门预算.
 */
export class StatutoryClockJob {
  constructor(private readonly dataSource: DataSource) {}

  async handle(now: Date = new Date()): Promise<string> {
    const near = await this.notifyOnce(now, STATUTORY_DAYS - WARNING_DAYS_BEFORE, 'deadline-near', 'publishers');
    const overdue = await this.notifyOnce(now, STATUTORY_DAYS, 'deadline-overdue', 'reviewers');
    const units = await this.notifyUnitsOnce(await this.unitNotices(now));
    return `${near} warned, ${overdue} overdue; units: ${units['unit-deadline-near']} warned, ${units['unit-deadline-overdue']} overdue`;
  }

  private async notifyOnce(now: Date, days: number, action: string, who: 'publishers' | 'reviewers'): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO outbox (topic, payload)
       SELECT 'budget.notify', jsonb_build_object('budgetId', b.id, 'action', $3::text, 'who', $4::text)
       FROM budgets b
       WHERE b.state = 'approved' AND b.unit_code IS NULL AND COALESCE(b.replied_on::timestamptz, b.updated_at) <= $1::timestamptz - make_interval(days => $2)
         AND NOT EXISTS (
           SELECT 1 FROM outbox o
           WHERE o.topic = 'budget.notify' AND o.payload->>'budgetId' = b.id::text
             AND o.payload->>'action' = $3 AND o.created_at >= b.updated_at)
       RETURNING id`,
      [now, days, action, who],
    );
    return rows.length;
  }

  /**
   * The notices the units of every replied 部门预算 are owed on the bureau's day of `now`. Each goes
   * to a budget its readers may open: the unit's preparers and the department's publishers to the
   * unit's own budget (a unit without one: the publishers to the 部门预算, and it has no preparer's
   * budget to open), the reviewers, who never see a unit's budget, to the 部门预算.
   */
  private async unitNotices(now: Date): Promise<TUnitNotice[]> {
    const departments: TRepliedDepartmentRow[] = await this.dataSource.query(
      `SELECT b.id AS budget_id, to_char(b.replied_on, 'YYYY-MM-DD') AS replied_on, ${UNIT_PUBLICATIONS.columns},
              ($1::timestamptz AT TIME ZONE '${BUREAU_TIME_ZONE}')::date::text AS today
       FROM budgets b
       ${UNIT_PUBLICATIONS.joins}
       WHERE b.unit_code IS NULL AND b.replied_on IS NOT NULL AND up.units <> '[]'::jsonb`,
      [now],
    );
    return departments.flatMap((department) =>
      unitDeadlines({ template: department.template ?? undefined, repliedOn: department.replied_on }, department.units, department.today, WARNING_DAYS_BEFORE).flatMap(
        ({ unit, deadline, notices }) => notices.flatMap((notice) => audiences(unit, notice, department.budget_id).map((to) => ({ ...to, action: `unit-${notice}` as const, unitCode: unit.code, dueOn: deadline }))),
      ),
    );
  }

  /**
   * The notices not yet sent, written to the outbox: one per unit, action, audience and deadline (a
   * new 批复 date is a new deadline), whatever the reruns. Answers how many units were told of each.
   */
  private async notifyUnitsOnce(notices: readonly TUnitNotice[]): Promise<Record<TUnitNotice['action'], number>> {
    const rows: { action: TUnitNotice['action']; units: number }[] = await this.dataSource.query(
      `WITH sent AS (
         INSERT INTO outbox (topic, payload)
         SELECT 'budget.notify', jsonb_build_object('budgetId', x."budgetId", 'action', x.action, 'who', x.who, 'unitCode', x."unitCode", 'dueOn', x."dueOn")
         FROM jsonb_to_recordset($1::jsonb) AS x("budgetId" text, action text, who text, "unitCode" text, "dueOn" text)
         WHERE NOT EXISTS (
           SELECT 1 FROM outbox o
           WHERE o.topic = 'budget.notify' AND o.payload->>'budgetId' = x."budgetId" AND o.payload->>'action' = x.action
             AND o.payload->>'who' = x.who AND o.payload->>'unitCode' = x."unitCode" AND o.payload->>'dueOn' = x."dueOn")
         RETURNING payload)
       SELECT payload->>'action' AS action, count(DISTINCT payload->>'unitCode')::int AS units FROM sent GROUP BY 1`,
      [JSON.stringify(notices)],
    );
    const told = (action: TUnitNotice['action']) => rows.find((row) => row.action === action)?.units ?? 0;
    return { 'unit-deadline-near': told('unit-deadline-near'), 'unit-deadline-overdue': told('unit-deadline-overdue') };
  }
}

/** Who hears of a unit's deadline, each about the budget they may open (see unitNotices). */
function audiences(unit: TUnitOwing, notice: UnitDeadlineNotice, departmentBudgetId: string): Pick<TUnitNotice, 'budgetId' | 'who'>[] {
  const preparers = unit.budgetId === null ? [] : [{ budgetId: unit.budgetId, who: 'preparers' as const }];
  if (notice === 'deadline-near') return [...preparers, { budgetId: unit.budgetId ?? departmentBudgetId, who: 'publishers' }];
  return [...preparers, { budgetId: departmentBudgetId, who: 'reviewers' }];
}
