import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A derivation's payload (a few hundred kB of JSON, rewritten after every burst of edits) is
 * stored compressed with lz4 rather than the default pglz: half the time to write it. A server
 * built without lz4 (the embedded PostgreSQL of `pnpm start` is one) keeps pglz; rows already
 * stored keep their compression either way.
 */
export class DerivationPayloadLz41796000100000 implements MigrationInterface {
  name = 'DerivationPayloadLz41796000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        ALTER TABLE budget_derivations ALTER COLUMN payload SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN
        RAISE NOTICE 'this server has no lz4: derivation payloads stay pglz';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budget_derivations ALTER COLUMN payload SET COMPRESSION pglz`);
  }
}
