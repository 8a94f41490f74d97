import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A derivation's payload (a few hundred kB of JSON, rewritten after every edit) is stored
 * compressed with lz4 rather than the default pglz: half the time to write it, for the totals
 * job that writes one after each burst of edits. Rows already stored keep their compression.
 */
export class DerivationPayloadLz41796000100000 implements MigrationInterface {
  name = 'DerivationPayloadLz41796000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budget_derivations ALTER COLUMN payload SET COMPRESSION lz4`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budget_derivations ALTER COLUMN payload SET COMPRESSION pglz`);
  }
}
