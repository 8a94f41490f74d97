import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, TAppConfig } from '../../config/app-config';
import { TCaller } from '../../common/auth/caller';
import { hasReviewScope, TOTP_REQUIRED_ROLES, TRole } from '../../common/auth/role';

/** A session's last use is written at most this often: not one write per request. */
const LAST_SEEN_GRANULARITY_SECONDS = 30;

/** A caller as the guard sees them: the caller, and whether they must enrol two-factor sign-in first. */
export type TAuthenticated = TCaller & { readonly mustEnrolTotp: boolean };

export interface TNewSession {
  sessionId: string;
  /** The opaque bearer token; only its sha256 is stored. */
  token: string;
  expiresAt: Date;
}

interface TCallerRow {
  sessionId: string;
  userId: string;
  username: string;
  role: TRole;
  departmentId: string | null;
  departmentCode: string | null;
  unitCode: string | null;
  reviewAll: boolean;
  reviewDepartmentIds: string[];
  totpEnabled: boolean;
  idleSeconds: number;
}

/** Server-side sessions: opaque random tokens, stored hashed, expiring, revocable. */
/**
 * The departments a reviewer reviews: those assigned to them one by one, those of their office
 * (a 业务科室's 归口 departments), and those of every colleague who delegated to them for today.
 */
const REVIEW_SCOPE_SQL = `
  WITH principal AS (
    SELECT u.id UNION SELECT delegator_id FROM review_delegations
    WHERE delegate_id = u.id AND revoked_at IS NULL AND current_date BETWEEN starts_on AND ends_on)
  SELECT rd.department_id::text FROM reviewer_departments rd WHERE rd.user_id IN (SELECT id FROM principal)
  UNION
  SELECT od.department_id::text FROM users pu JOIN office_departments od ON od.office_id = pu.office_id WHERE pu.id IN (SELECT id FROM principal)`;

export interface TSessionView {
  id: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

@Injectable()
export class SessionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: TAppConfig,
  ) {}

  async create(manager: EntityManager, userId: string, client: { ip: string; userAgent: string | undefined }): Promise<TNewSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlMinutes * 60_000);
    const [row] = (await manager.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [tokenHash(token), userId, expiresAt, client.ip.slice(0, 64), client.userAgent?.slice(0, 300) ?? null],
    )) as [{ id: string }];
    return { sessionId: row.id, token, expiresAt };
  }

  /**
   * The caller behind a token, or null when the token is unknown, expired, revoked, unused for longer
   * than the idle timeout (SESSION_IDLE_MINUTES), or its user deactivated.
   */
  async authenticate(token: string): Promise<TAuthenticated | null> {
    const rows = (await this.dataSource.query(
      `SELECT s.id AS "sessionId", u.id AS "userId", u.username, u.role, u.department_id AS "departmentId",
              d.code AS "departmentCode", u.unit_code AS "unitCode", u.review_all AS "reviewAll",
              COALESCE(ARRAY(${REVIEW_SCOPE_SQL}), '{}') AS "reviewDepartmentIds",
              u.totp_enabled_at IS NOT NULL AS "totpEnabled", extract(epoch FROM now() - s.last_seen_at)::int AS "idleSeconds"
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN departments d ON d.id = u.department_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active
         AND s.last_seen_at > now() - make_interval(mins => $2)`,
      [tokenHash(token), this.config.sessionIdleMinutes],
    )) as TCallerRow[];
    const row = rows[0];
    if (row === undefined) return null;
    if (row.idleSeconds >= LAST_SEEN_GRANULARITY_SECONDS) await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.sessionId]);
    return {
      mustEnrolTotp: this.config.totpRequired && TOTP_REQUIRED_ROLES.includes(row.role) && !row.totpEnabled,
      userId: row.userId,
      username: row.username,
      role: row.role,
      departmentId: row.departmentId,
      departmentCode: row.departmentCode,
      unitCode: row.unitCode,
      reviewDepartmentIds: !hasReviewScope(row.role) ? [] : row.reviewAll ? 'all' : row.reviewDepartmentIds,
      sessionId: row.sessionId,
    };
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** A user's live sessions, newest first (what the admin desk lists and may revoke one by one). */
  async listActiveOfUser(manager: EntityManager, userId: string): Promise<TSessionView[]> {
    const rows = (await manager.query(
      `SELECT id, created_at, expires_at, ip, user_agent FROM sessions
       WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC, id`,
      [userId],
    )) as { id: string; created_at: Date; expires_at: Date; ip: string | null; user_agent: string | null }[];
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at.toISOString(), expiresAt: r.expires_at.toISOString(), ip: r.ip, userAgent: r.user_agent }));
  }

  /** Revokes one session of the user; false when it is not theirs or no longer live. */
  async revokeOfUser(manager: EntityManager, userId: string, sessionId: string): Promise<boolean> {
    // As a CTE so that the driver answers the rows (an UPDATE alone answers [rows, count]).
    const rows = (await manager.query(
      `WITH revoked AS (UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now() RETURNING id) SELECT id FROM revoked`,
      [sessionId, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Signs a user out everywhere (deactivation, password reset), or everywhere but `keepSessionId` (their own password change). */
  async revokeAllOfUser(manager: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`, [userId, keepSessionId ?? null]);
  }
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
