import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the jobs add: the files of each publication (stored in PostgreSQL, so a file appears only
 * when the transaction that wrote all of them commits: never half-written), the outcome of the check
 * run before files are published, in-app notifications, and `done_at` on the outbox so that the
 * reconciler can tell a relayed job from a finished one.
 */
export class JobsPublicationFiles1795800000000 implements MigrationInterface {
  name = 'JobsPublicationFiles1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN done_at timestamptz`);
    await q.query(`CREATE INDEX outbox_undone_idx ON outbox (id) WHERE done_at IS NULL`);

    // One row per publication once its files were rendered and checked; failed checks name the problems.
    await q.query(`
      CREATE TABLE publication_checks (
        publication_id uuid PRIMARY KEY REFERENCES publications(id),
        passed boolean NOT NULL,
        problems jsonb NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE publication_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        publication_id uuid NOT NULL REFERENCES publication_checks(publication_id),
        name text NOT NULL,
        format text NOT NULL CHECK (format IN ('pdf', 'xlsx', 'html', 'json', 'csv', 'datapackage')),
        media_type text NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (publication_id, name)
      )`);
    // A published file never changes.
    for (const table of ['publication_checks', 'publication_files']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    }

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        budget_id uuid NOT NULL REFERENCES budgets(id),
        action text NOT NULL,
        reason text,
        outbox_id bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (outbox_id, user_id)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE publication_files`);
    await q.query(`DROP TABLE publication_checks`);
    await q.query(`DROP INDEX outbox_undone_idx`);
    await q.query(`ALTER TABLE outbox DROP COLUMN done_at`);
  }
}
