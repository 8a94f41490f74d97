import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 单位预算 (issue 11): a second-level unit (二级单位) prepares a budget of its own, which its
 * department (主管部门) reviews and, once approved, consolidates into the 部门预算.
 * - budgets.unit_code: null for the department's budget, a unit of the department for a unit's
 *   (always in the round `unit`); one budget per department, year and unit;
 * - users.unit_code: a preparer of one unit, who prepares that unit's budget only;
 * - the role department_reviewer (部门审核人), of one department;
 * - income_lines.unit_code: in the 部门预算, the unit whose consolidated budget brought the income.
 */
export class UnitBudgets1798300000000 implements MigrationInterface {
  name = 'UnitBudgets1798300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets ADD COLUMN unit_code varchar(12) REFERENCES budget_units (code) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE budgets DROP CONSTRAINT budgets_department_id_fiscal_year_key`);
    await q.query(`ALTER TABLE budgets ADD CONSTRAINT budgets_department_year_unit_key UNIQUE NULLS NOT DISTINCT (department_id, fiscal_year, unit_code)`);
    await q.query(`ALTER TABLE budgets DROP CONSTRAINT budgets_round_check`);
    await q.query(`ALTER TABLE budgets ADD CONSTRAINT budgets_round_check CHECK (round IN ('proposal', 'ceilings', 'final', 'replied', 'adjustment', 'unit'))`);
    await q.query(`ALTER TABLE budgets ADD CONSTRAINT budgets_unit_round CHECK ((unit_code IS NOT NULL) = (round = 'unit'))`);

    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    // 'department_reviewer' is 19 characters
    await q.query(`ALTER TABLE users ALTER COLUMN role TYPE varchar(32)`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'preparer', 'publisher', 'reviewer', 'signer', 'department_reviewer', 'security_admin', 'auditor'))`,
    );
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_department_by_role`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_department_by_role CHECK ((role IN ('preparer', 'publisher', 'department_reviewer')) = (department_id IS NOT NULL))`);
    await q.query(`ALTER TABLE users ADD COLUMN unit_code varchar(12) REFERENCES budget_units (code) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_unit_only_preparers CHECK (unit_code IS NULL OR role = 'preparer')`);

    await q.query(`ALTER TABLE income_lines ADD COLUMN unit_code varchar(12)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM budgets WHERE unit_code IS NOT NULL`);
    await q.query(`ALTER TABLE income_lines DROP COLUMN unit_code`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_unit_only_preparers`);
    await q.query(`ALTER TABLE users DROP COLUMN unit_code`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_department_by_role`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_department_by_role CHECK ((role IN ('preparer', 'publisher')) = (department_id IS NOT NULL))`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'preparer', 'publisher', 'reviewer', 'signer', 'security_admin', 'auditor'))`);
    await q.query(`ALTER TABLE budgets DROP CONSTRAINT budgets_unit_round`);
    await q.query(`ALTER TABLE budgets DROP CONSTRAINT budgets_round_check`);
    await q.query(`ALTER TABLE budgets ADD CONSTRAINT budgets_round_check CHECK (round IN ('proposal', 'ceilings', 'final', 'replied', 'adjustment'))`);
    await q.query(`ALTER TABLE budgets DROP CONSTRAINT budgets_department_year_unit_key`);
    await q.query(`ALTER TABLE budgets ADD CONSTRAINT budgets_department_id_fiscal_year_key UNIQUE (department_id, fiscal_year)`);
    await q.query(`ALTER TABLE budgets DROP COLUMN unit_code`);
  }
}
