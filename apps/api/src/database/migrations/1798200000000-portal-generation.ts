import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The district search's answers are the same for every visitor until a publication is added or
 * changed or a department renamed. A counter bumped in the same transaction as any of those (at its
 * commit: a deferred trigger, so the row is locked only for the commit's moment) tells a process
 * whether the answer it kept is still right, in one read of one row, on the primary or a replica.
 */
export class PortalGeneration1798200000000 implements MigrationInterface {
  name = 'PortalGeneration1798200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE portal_generation (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), generation bigint NOT NULL)`);
    await q.query(`INSERT INTO portal_generation (generation) VALUES (1)`);
    await q.query(`
      CREATE FUNCTION bump_portal_generation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE portal_generation SET generation = generation + 1;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER publications_portal_generation AFTER INSERT OR UPDATE OR DELETE ON publications
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_portal_generation()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER departments_portal_generation AFTER INSERT OR UPDATE OF name OR DELETE ON departments
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_portal_generation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER departments_portal_generation ON departments`);
    await q.query(`DROP TRIGGER publications_portal_generation ON publications`);
    await q.query(`DROP FUNCTION bump_portal_generation()`);
    await q.query(`DROP TABLE portal_generation`);
  }
}
