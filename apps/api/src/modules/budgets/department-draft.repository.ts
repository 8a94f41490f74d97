import { DEFAULT_TEMPLATE_ID, type TBudgetUnit } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface TDepartmentForDraft {
  code: string;
  name: string;
  units: TBudgetUnit[];
}

/** What a new draft copies from the department's records: its code, name and budget units. */
@Injectable()
export class DepartmentDraftRepository {
  async findForDraft(m: EntityManager, departmentId: string): Promise<TDepartmentForDraft | undefined> {
    const rows: { code: string; name: string; units: { code: string; name: string }[] | null }[] = await m.query(
      `SELECT d.code, d.name,
              (SELECT json_agg(json_build_object('code', u.code, 'name', u.name) ORDER BY u.code)
                 FROM budget_units u WHERE u.department_id = d.id) AS units
       FROM departments d WHERE d.id = $1`,
      [departmentId],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    // The unit list does not say which unit is the department's own level (本级): by convention it
    // has the lowest code (019001 before 019002). Without units, the department is its own unit.
    const units = row.units ?? [{ code: row.code, name: row.name }];
    return { code: row.code, name: row.name, units: units.map((u, i) => ({ ...u, level: i === 0 ? 'self' : 'subordinate' })) };
  }

  /** The template in force for an open fiscal year, or undefined when the year is not open. */
  async openYearTemplate(m: EntityManager, year: number): Promise<string | undefined> {
    const rows: { template: string }[] = await m.query(`SELECT template FROM fiscal_years WHERE year = $1 AND status = 'open'`, [year]);
    return rows[0]?.template;
  }

  /** The template in force for a fiscal year, whether open or not (hubei-2020 for a year never declared). */
  async yearTemplate(m: EntityManager, year: number): Promise<string> {
    const rows: { template: string }[] = await m.query(`SELECT template FROM fiscal_years WHERE year = $1`, [year]);
    return rows[0]?.template ?? DEFAULT_TEMPLATE_ID;
  }
}
