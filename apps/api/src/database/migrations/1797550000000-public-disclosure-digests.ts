import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the portal reads of each publication without re-reading its budget: the lines summed for
 * the drill-down, the digest (total, change, 功能 类) and what the district search matches (功能
 * 类/款/项 codes and names). Derived from the frozen revision, so a row is written once, when the
 * portal first meets the publication, and can always be written again from the record.
 */
export class PublicDisclosureDigests1797550000000 implements MigrationInterface {
  name = 'PublicDisclosureDigests1797550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE public_disclosure_digests (
        publication_id uuid PRIMARY KEY REFERENCES publications(id),
        breakdown jsonb NOT NULL,
        digest jsonb NOT NULL,
        -- every 功能 类, 款 and 项 code the lines use, for a search by code
        function_codes text[] NOT NULL,
        -- their names, one per line, for a search by name
        function_names text NOT NULL
      )`);
    await q.query(`CREATE INDEX public_disclosure_digests_codes_idx ON public_disclosure_digests USING gin (function_codes)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE public_disclosure_digests`);
  }
}
