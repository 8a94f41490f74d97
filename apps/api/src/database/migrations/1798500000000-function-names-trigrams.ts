import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The district search finds a text anywhere in the 功能 names of every published digest (LIKE
 * '%…%' on their lowered copy), and a B-tree cannot serve a pattern that opens on %. A trigram
 * index can: the digests holding a text of 3 characters or more (Chinese ones too: pg_trgm takes
 * them as word characters) are found from it, instead of the names of every digest being read on
 * every search. pg_trgm ships with PostgreSQL and is a trusted extension: the database's owner may
 * create it. Without fastupdate: a digest is written once and read on every search, and the pending
 * list fastupdate would keep new entries in (until a vacuum merges it) is read whole by each search.
 */
export class FunctionNamesTrigrams1798500000000 implements MigrationInterface {
  name = 'FunctionNamesTrigrams1798500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX public_disclosure_digests_names_trgm_idx ON public_disclosure_digests USING gin (function_names_folded gin_trgm_ops) WITH (fastupdate = off)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX public_disclosure_digests_names_trgm_idx`);
    // Nothing else of the schema uses the extension; were anything to, this refuses (no CASCADE).
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
