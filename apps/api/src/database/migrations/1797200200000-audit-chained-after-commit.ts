import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain is linked after commit instead of inside every writing transaction: an entry is
 * inserted with its content only (no lock, so edits no longer queue on one global lock until they
 * commit), and one chainer at a time (modules/audit/audit-chainer.ts) gives the committed entries
 * their place in the chain (`chain_no`), `prev_hash` and `hash`, once. The database allows exactly
 * that one change of an entry: the three from NULL to set, the content untouched; every other
 * UPDATE, every DELETE and TRUNCATE is refused as before. The entries chained so far keep their
 * hashes and take their id as their place.
 */
export class AuditChainedAfterCommit1797200200000 implements MigrationInterface {
  name = 'AuditChainedAfterCommit1797200200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL, ADD COLUMN chain_no bigint`);
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await q.query(`UPDATE audit_log SET chain_no = id`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_no_key UNIQUE (chain_no)`);
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_chained_whole CHECK ((chain_no IS NULL) = (hash IS NULL) AND (hash IS NULL) = (prev_hash IS NULL))`);
    await q.query(`CREATE INDEX audit_log_unchained_idx ON audit_log (id) WHERE chain_no IS NULL`);
    await q.query(`
      CREATE FUNCTION audit_log_chain_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.chain_no IS NULL AND NEW.chain_no IS NOT NULL
           AND (NEW.id, NEW.at, NEW.actor, NEW.action, NEW.entity, NEW.entity_id, NEW.budget_id, NEW.payload)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor, OLD.action, OLD.entity, OLD.entity_id, OLD.budget_id, OLD.payload) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain_once()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_chain_once()`);
    // Entries never chained cannot go back to a chain inside their transaction: they are refused here.
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_chained_whole, DROP CONSTRAINT audit_log_chain_no_key, DROP COLUMN chain_no`);
    await q.query(`DROP INDEX IF EXISTS audit_log_unchained_idx`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
  }
}
