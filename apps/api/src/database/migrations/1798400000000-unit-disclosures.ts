import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 单位预算公开 (issue 11): where the template has a 单位 scope, a unit's approved budget is published
 * as its own disclosure, listed under its department.
 * - publications.unit_code: the unit whose 单位预算 it is; null for a 部门预算. No backfill: a unit's
 *   budget could not be published before this migration, so every earlier row is a 部门预算's.
 * - notifications.round: the round the step was taken in, so that a unit's approval by its
 *   department (主管部门审核) does not read as the bureau's 批复; rows written before stay null.
 */
export class UnitDisclosures1798400000000 implements MigrationInterface {
  name = 'UnitDisclosures1798400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publications ADD COLUMN unit_code varchar(12) REFERENCES budget_units (code) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE notifications ADD COLUMN round text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN round`);
    await q.query(`ALTER TABLE publications DROP COLUMN unit_code`);
  }
}
