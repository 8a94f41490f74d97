import type { DataSource } from 'typeorm';

/** Ended sessions are kept this long for the audit of who was signed in, from where, until when. */
export const SESSION_KEPT_DAYS = 30;

/** Run by a repeatable job: deletes the sessions that expired or were revoked over SESSION_KEPT_DAYS ago. */
export class PurgeSessionsJob {
  constructor(private readonly dataSource: DataSource) {}

  async handle(now: Date = new Date()): Promise<string> {
    const [, purged] = (await this.dataSource.query(
      `DELETE FROM sessions
       WHERE expires_at < $1::timestamptz - make_interval(days => $2)
          OR revoked_at < $1::timestamptz - make_interval(days => $2)`,
      [now, SESSION_KEPT_DAYS],
    )) as [unknown, number];
    return `${purged} purged`;
  }
}
