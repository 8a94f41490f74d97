import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification says at which review stage the step was taken and which stage the budget went on
 * to: an approval before the last stage is not the 批复 ("业务科室审核通过，转预算科审核"). Rows
 * written before stay without them and read as before.
 */
export class NotificationStages1798160000000 implements MigrationInterface {
  name = 'NotificationStages1798160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN stage_name text, ADD COLUMN next_stage_name text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN stage_name, DROP COLUMN next_stage_name`);
  }
}
