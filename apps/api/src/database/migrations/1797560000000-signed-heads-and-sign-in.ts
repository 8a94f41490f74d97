import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: what the audit record and the sign-in of 等保 2.0 level 3 need.
 * - audit_heads: the chain's head (place and hash) as signed at a publication or by the daily job,
 *   with the Ed25519 signature of a key the database does not hold (append-only, like audit_log).
 * - the three separated administrators (三员): security_admin (安全保密管理员) and auditor (安全审计员)
 *   beside admin (系统管理员); none has a department.
 * - TOTP (RFC 6238): the secret (encrypted by the application), the last time step used (no replay),
 *   a secret being enrolled, and single-use recovery codes (sha256 of random codes).
 * - the password history (the last hashes, for the policy) and each session's last use (idle timeout).
 */
export class SignedHeadsAndSignIn1797560000000 implements MigrationInterface {
  name = 'SignedHeadsAndSignIn1797560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_heads (
        id bigserial PRIMARY KEY,
        chain_no bigint NOT NULL,
        hash char(64) NOT NULL,
        signed_at timestamptz NOT NULL,
        reason varchar(16) NOT NULL CHECK (reason IN ('publication', 'daily')),
        publication_id uuid NULL,
        key_id char(16) NOT NULL,
        signature text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_heads_publication ON audit_heads (publication_id) WHERE publication_id IS NOT NULL`);
    await q.query(`CREATE TRIGGER audit_heads_append_only BEFORE UPDATE OR DELETE ON audit_heads FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);

    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'preparer', 'publisher', 'reviewer', 'security_admin', 'auditor'))`);
    await q.query(`
      ALTER TABLE users
        ADD COLUMN totp_secret text NULL,
        ADD COLUMN totp_pending_secret text NULL,
        ADD COLUMN totp_enabled_at timestamptz NULL,
        ADD COLUMN totp_last_step bigint NULL,
        ADD COLUMN password_changed_at timestamptz NULL`);
    await q.query(`
      CREATE TABLE user_recovery_codes (
        user_id uuid NOT NULL REFERENCES users (id),
        code_hash char(64) NOT NULL,
        used_at timestamptz NULL,
        PRIMARY KEY (user_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE password_history (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        password_hash text NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX password_history_by_user ON password_history (user_id, id DESC)`);
    await q.query(`ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions DROP COLUMN last_seen_at`);
    await q.query(`DROP TABLE password_history`);
    await q.query(`DROP TABLE user_recovery_codes`);
    await q.query(`ALTER TABLE users DROP COLUMN totp_secret, DROP COLUMN totp_pending_secret, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step, DROP COLUMN password_changed_at`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'preparer', 'publisher', 'reviewer'))`);
    await q.query(`DROP TABLE audit_heads`);
  }
}
