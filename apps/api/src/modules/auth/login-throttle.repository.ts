import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** 5 failed attempts per (username, IP) within 15 minutes, counted since the last success, lock the pair out. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MINUTES = 15;

@Injectable()
export class LoginThrottleRepository {
  /** Serialises attempts on one (username, ip) so parallel guesses cannot slip past the count. */
  async lockPair(manager: EntityManager, username: string, ip: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 17))`, [`login:${username}:${ip}`]);
  }

  /** Seconds until the pair may try again, or 0 when it is not locked out. */
  async retryAfterSeconds(manager: EntityManager, username: string, ip: string): Promise<number> {
    const [row] = (await manager.query(
      `WITH recent AS (
         SELECT at, succeeded FROM login_attempts
         WHERE username = $1 AND ip = $2 AND at > now() - make_interval(mins => $3)
       ), failures AS (
         SELECT at FROM recent
         WHERE NOT succeeded AND at > COALESCE((SELECT max(at) FROM recent WHERE succeeded), '-infinity')
         ORDER BY at DESC LIMIT $4
       )
       SELECT count(*)::int AS n,
              GREATEST(1, ceil(extract(epoch FROM (min(at) + make_interval(mins => $3) - now()))))::int AS wait
       FROM failures`,
      [username, ip, LOGIN_WINDOW_MINUTES, LOGIN_MAX_FAILURES],
    )) as [{ n: number; wait: number | null }];
    return row.n >= LOGIN_MAX_FAILURES ? (row.wait ?? 1) : 0;
  }

  async record(manager: EntityManager, username: string, ip: string, succeeded: boolean): Promise<void> {
    await manager.query(`INSERT INTO login_attempts (username, ip, succeeded) VALUES ($1, $2, $3)`, [username, ip, succeeded]);
  }
}
