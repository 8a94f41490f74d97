import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statutory clock tells of each 二级单位's 单位预算 (issue 11): a notification names the unit it
 * is about and the last day of its 20 days, which the reader sees ("示例第一中学的单位预算…2020-02-14").
 * Both null on every other notification, and on every row written before.
 */
export class UnitDeadlineNotices1798700000000 implements MigrationInterface {
  name = 'UnitDeadlineNotices1798700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN unit_code varchar(12) REFERENCES budget_units (code) ON DELETE RESTRICT, ADD COLUMN due_on date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN due_on, DROP COLUMN unit_code`);
  }
}
