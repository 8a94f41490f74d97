import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The district search matches 功能 names case-blind. On a UTF-8 database PostgreSQL's ILIKE lowers
 * both sides with lower() and then matches as LIKE does, so lowering each digest's ~300 characters
 * of names on every search was most of its cost. Kept lowered once, on the row (a digest is written
 * once and never changed), the search matches them with LIKE and lower(pattern): the same rows.
 */
export class FoldedFunctionNames1797900000000 implements MigrationInterface {
  name = 'FoldedFunctionNames1797900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE public_disclosure_digests ADD COLUMN function_names_folded text GENERATED ALWAYS AS (lower(function_names)) STORED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE public_disclosure_digests DROP COLUMN function_names_folded`);
  }
}
