import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disclosure template in force for a fiscal year: a new budget of the year prints under it
 * (its document may name another). Existing years keep printing as before, under hubei-2020.
 */
export class FiscalYearTemplate1797400000000 implements MigrationInterface {
  name = 'FiscalYearTemplate1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fiscal_years ADD COLUMN template varchar(64) NOT NULL DEFAULT 'hubei-2020' CHECK (template ~ '^[a-z][a-z0-9-]{1,63}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fiscal_years DROP COLUMN template`);
  }
}
