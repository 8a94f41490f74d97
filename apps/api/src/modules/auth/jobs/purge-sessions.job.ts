import type { DataSource } from 'typeorm';

/** Ended sessions and sign-in attempts are kept this long for the audit of who signed in, from where, until when. */
export const SESSION_KEPT_DAYS = 30;

/**
 * Run by a repeatable job: deletes the sessions that expired or were revoked, and the sign-in
 * attempts made, over SESSION_KEPT_DAYS ago (the throttle reads only the last minutes of attempts).
 */
export class PurgeSessionsJob {
  constructor(private readonly dataSource: DataSource) {}

  async handle(now: Date = new Date()): Promise<string> {
    const [, sessions] = (await this.dataSource.query(
      `DELETE FROM sessions
       WHERE expires_at < $1::timestamptz - make_interval(days => $2)
          OR revoked_at < $1::timestamptz - make_interval(days => $2)`,
      [now, SESSION_KEPT_DAYS],
    )) as [unknown, number];
    const [, attempts] = (await this.dataSource.query(`DELETE FROM login_attempts WHERE at < $1::timestamptz - make_interval(days => $2)`, [
      now,
      SESSION_KEPT_DAYS,
    ])) as [unknown, number];
    return `${sessions} sessions, ${attempts} sign-in attempts purged`;
  }
}
