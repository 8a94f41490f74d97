import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../budgets/update-returning';
import { LOGIN_WINDOW_MINUTES } from './login-throttle.repository';

export type TLoginFailureKind = 'refused' | 'throttled';

/** A window of one (username, address) that is over: what its summary entry states. */
export interface TClosedWindow {
  username: string;
  ip: string;
  windowStart: string;
  windowEnd: string;
  refused: number;
  throttled: number;
}

/** The start of the current window: now, down to a multiple of the window's length since the epoch. */
const WINDOW_START = `to_timestamp(floor(extract(epoch FROM now()) / ($1 * 60)) * ($1 * 60))`;
/** At most this many closed windows are summarised by one attempt: a flood over many names cannot make one attempt slow. */
const SUMMARIES_PER_ATTEMPT = 20;

/**
 * Anonymous failed sign-ins per (username, address) and window (login_failure_windows). The
 * throttle counts attempts in login_attempts; this table counts them for the audit trail, which
 * records a window's first failure and, once the window is over, one summary of its count.
 */
@Injectable()
export class LoginFailuresRepository {
  /** Counts one failure in the current window; true when it is the window's first. Runs under the pair's lock. */
  async count(m: EntityManager, username: string, ip: string, kind: TLoginFailureKind): Promise<boolean> {
    const [row] = (await m.query(
      `INSERT INTO login_failure_windows AS w (username, ip, window_start, refused, throttled)
       VALUES ($2, $3, ${WINDOW_START}, $4, $5)
       ON CONFLICT (username, ip, window_start) DO UPDATE SET refused = w.refused + EXCLUDED.refused, throttled = w.throttled + EXCLUDED.throttled
       RETURNING w.refused + w.throttled AS total`,
      [LOGIN_WINDOW_MINUTES, username, ip, kind === 'refused' ? 1 : 0, kind === 'throttled' ? 1 : 0],
    )) as [{ total: number }];
    return row.total === 1;
  }

  /**
   * Marks windows that are over as summarised and returns those with more than their first
   * failure (a window of one failure is told by its first entry already). SKIP LOCKED: two
   * attempts at once never summarise the same window twice, nor wait for each other.
   */
  async closeWindows(m: EntityManager): Promise<TClosedWindow[]> {
    const rows = await updateReturning<{ windowStart: Date; windowEnd: Date } & Omit<TClosedWindow, 'windowStart' | 'windowEnd'>>(
      m,
      `UPDATE login_failure_windows w SET summarised = true
       FROM (SELECT username, ip, window_start FROM login_failure_windows
             WHERE NOT summarised AND window_start < ${WINDOW_START}
             ORDER BY window_start LIMIT $2 FOR UPDATE SKIP LOCKED) due
       WHERE (w.username, w.ip, w.window_start) = (due.username, due.ip, due.window_start)
       RETURNING w.username, w.ip, w.window_start AS "windowStart", w.window_start + make_interval(mins => $1) AS "windowEnd", w.refused, w.throttled`,
      [LOGIN_WINDOW_MINUTES, SUMMARIES_PER_ATTEMPT],
    );
    return rows
      .filter((w) => w.refused + w.throttled > 1)
      .map((w) => ({ ...w, windowStart: w.windowStart.toISOString(), windowEnd: w.windowEnd.toISOString() }));
  }
}
