import { MigrationInterface, QueryRunner } from 'typeorm';

/** Marks the accounts the demo seed creates, so that production mode can keep them switched off. */
export class DemoAccounts1795600300000 implements MigrationInterface {
  name = 'DemoAccounts1795600300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN demo boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN demo`);
  }
}
