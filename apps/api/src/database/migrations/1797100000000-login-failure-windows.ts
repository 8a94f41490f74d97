import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anonymous failed sign-ins counted per (username, address) and 15-minute window, so that the
 * audit trail gets one entry for a window's first failure and one summary of its count when it is
 * over, instead of one entry (and one wait on the audit chain's lock) per attempt of a flood.
 */
export class LoginFailureWindows1797100000000 implements MigrationInterface {
  name = 'LoginFailureWindows1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failure_windows (
        username text NOT NULL,
        ip text NOT NULL,
        window_start timestamptz NOT NULL,
        refused integer NOT NULL DEFAULT 0,
        throttled integer NOT NULL DEFAULT 0,
        summarised boolean NOT NULL DEFAULT false,
        PRIMARY KEY (username, ip, window_start)
      )`);
    await q.query(`CREATE INDEX login_failure_windows_open_idx ON login_failure_windows (window_start) WHERE NOT summarised`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failure_windows`);
  }
}
