import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit trail. Each row carries the sha256 of its canonical form chained to
 * the previous row's hash (see modules/audit/audit-chain.ts); the database itself refuses
 * UPDATE, DELETE and TRUNCATE so that even a buggy or compromised app cannot rewrite it
 * without a superuser disabling the triggers (which audit-verify then detects).
 */
export class AuditLog1795600200000 implements MigrationInterface {
  name = 'AuditLog1795600200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor varchar(64) NOT NULL,
        action varchar(64) NOT NULL,
        entity varchar(64) NOT NULL,
        entity_id varchar(64) NOT NULL,
        budget_id uuid,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_log_budget_idx ON audit_log (budget_id, id) WHERE budget_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
  }
}
