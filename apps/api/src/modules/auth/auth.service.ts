import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, TAppConfig } from '../../config/app-config';
import { TCaller } from '../../common/auth/caller';
import { csrfTokenFor } from '../../common/auth/csrf';
import { TRole } from '../../common/auth/role';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { updateReturning } from '../budgets/update-returning';
import { AccountService } from './account.service';
import { TLoginRequest, TLoginResponse } from './dto/login.schema';
import { LoginFailuresRepository, type TLoginFailureKind } from './login-failures.repository';
import { LoginThrottleRepository } from './login-throttle.repository';
import { verifyPassword } from './password';
import { acceptedStep, openSecret, recoveryCodeHash } from './totp';
import { TOTP_REQUIRED_ROLES } from '../../common/auth/role';
import { SessionService } from './session.service';

interface TLoginUserRow {
  id: string;
  username: string;
  role: TRole;
  passwordHash: string;
  departmentCode: string | null;
  /** Sealed (see totp.ts); null without two-factor sign-in. */
  totpSecret: string | null;
  totpLastStep: string | null;
}

type TOutcome = { kind: 'ok'; response: TLoginResponse } | { kind: 'throttled'; retryAfter: number } | { kind: 'refused'; withCode: boolean } | { kind: 'totp-required' } | { kind: 'totp-unreadable' };
/** `unreadable`: the stored secret does not open under this SESSION_SECRET (see totp.ts). */
type TSecondFactor = 'ok' | 'missing' | 'wrong' | 'unreadable';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleRepository,
    private readonly failures: LoginFailuresRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: TAppConfig,
    private readonly account: AccountService,
  ) {}

  /**
   * Every attempt is recorded in the same transaction: a success is audited; a failure is counted
   * (login_attempts for the throttle, login_failure_windows for the audit trail) and audited once
   * per (username, address) and window, its count summarised when the window is over.
   */
  async login(request: TLoginRequest, client: { ip: string; userAgent: string | undefined }): Promise<TLoginResponse> {
    const { username, password } = request;
    const outcome = await this.dataSource.transaction(async (tx): Promise<TOutcome> => {
      await this.throttle.lockPair(tx, username, client.ip);
      const retryAfter = await this.throttle.retryAfterSeconds(tx, username, client.ip);
      if (retryAfter > 0) {
        await this.failed(tx, username, client.ip, 'throttled');
        return { kind: 'throttled', retryAfter };
      }
      const [user] = (await tx.query(
        `SELECT u.id, u.username, u.role, u.password_hash AS "passwordHash", d.code AS "departmentCode",
                u.totp_secret AS "totpSecret", u.totp_last_step::text AS "totpLastStep"
         FROM users u LEFT JOIN departments d ON d.id = u.department_id
         WHERE u.username = $1 AND u.active`,
        [username],
      )) as TLoginUserRow[];
      const passwordOk = (await verifyPassword(user?.passwordHash ?? null, password)) && user !== undefined;
      const second = passwordOk ? await this.secondFactor(tx, user, request) : 'wrong';
      // The password was right and the code is still to come: not a failed attempt.
      if (second === 'missing') return { kind: 'totp-required' };
      // Nor is a secret this server cannot read: no code could pass, and only a reset helps.
      if (second === 'unreadable') return { kind: 'totp-unreadable' };
      const ok = passwordOk && second === 'ok';
      await this.throttle.record(tx, username, client.ip, ok);
      if (!ok || user === undefined) {
        await this.failed(tx, username, client.ip, 'refused');
        return { kind: 'refused', withCode: request.totpCode !== undefined || request.recoveryCode !== undefined };
      }
      const session = await this.sessions.create(tx, user.id, client);
      await this.audit.append(tx, { actor: user.username, action: 'auth.login', entity: 'user', entityId: user.id, payload: { ip: client.ip, sessionId: session.sessionId } });
      return {
        kind: 'ok',
        response: {
          accessToken: session.token,
          expiresAt: session.expiresAt.toISOString(),
          csrfToken: csrfTokenFor(this.config.sessionSecret, session.token),
          user: {
            id: user.id,
            username: user.username,
            role: user.role,
            departmentCode: user.departmentCode,
            totpEnabled: user.totpSecret !== null,
            mustEnrolTotp: this.config.totpRequired && TOTP_REQUIRED_ROLES.includes(user.role) && user.totpSecret === null,
            office: await this.account.officeOf(user.id, tx),
            unit: await this.account.unitOf(user.id, tx),
          },
        },
      };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.response;
      case 'throttled':
        throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-in attempts; try again later', undefined, { 'Retry-After': String(outcome.retryAfter) });
      case 'refused':
        throw new AppError('INVALID_CREDENTIALS', outcome.withCode ? 'Wrong username, password or code' : 'Wrong username or password');
      case 'totp-required':
        throw new AppError('TOTP_REQUIRED', 'This account signs in with the code of its authenticator app (or a recovery code) too');
      case 'totp-unreadable':
        this.logger.warn(`The TOTP secret of ${username} does not open with this SESSION_SECRET (was it changed?); the security administrator must reset it`);
        throw new AppError('TOTP_UNREADABLE', 'Your two-factor sign-in can no longer be checked; ask the security administrator (安全保密管理员) to reset your two-factor sign-in, or sign in with a recovery code');
    }
  }

  /** The second factor of an account with TOTP: a code newer than the last one used, or an unused recovery code. */
  private async secondFactor(tx: EntityManager, user: TLoginUserRow, request: TLoginRequest): Promise<TSecondFactor> {
    if (user.totpSecret === null) return 'ok';
    if (request.totpCode !== undefined) {
      const secret = openSecret(this.config.sessionSecret, user.totpSecret);
      if (secret === undefined) return 'unreadable';
      const step = await acceptedStep(secret, request.totpCode, user.totpLastStep === null ? null : Number(user.totpLastStep));
      if (step === undefined) return 'wrong';
      await tx.query(`UPDATE users SET totp_last_step = $2 WHERE id = $1`, [user.id, step]);
      return 'ok';
    }
    if (request.recoveryCode !== undefined) {
      const used = await updateReturning(tx, `UPDATE user_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING 1`, [user.id, recoveryCodeHash(request.recoveryCode)]);
      if (used.length === 0) return 'wrong';
      await this.audit.append(tx, { actor: user.username, action: 'auth.recovery-code.used', entity: 'user', entityId: user.id });
      return 'ok';
    }
    return 'missing';
  }

  /**
   * An anonymous failure: audited when it is the first of its window, else only counted (a flood
   * of guesses must not queue every editor's save behind the audit chain's lock); and the windows
   * that are over, of any pair, get their one summary entry with the counts.
   */
  private async failed(tx: EntityManager, username: string, ip: string, kind: TLoginFailureKind): Promise<void> {
    if (await this.failures.count(tx, username, ip, kind)) {
      await this.audit.append(tx, { actor: 'anonymous', action: kind === 'refused' ? 'auth.login.failed' : 'auth.login.throttled', entity: 'user', entityId: username, payload: { ip } });
    }
    for (const w of await this.failures.closeWindows(tx)) {
      await this.audit.append(tx, {
        actor: 'anonymous',
        action: 'auth.login.failed.summary',
        entity: 'user',
        entityId: w.username,
        payload: { ip: w.ip, windowStart: w.windowStart, windowEnd: w.windowEnd, refused: w.refused, throttled: w.throttled },
      });
    }
  }

  async logout(caller: TCaller): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.sessions.revoke(tx, caller.sessionId);
      await this.audit.append(tx, { actor: caller.username, action: 'auth.logout', entity: 'user', entityId: caller.userId, payload: { sessionId: caller.sessionId } });
    });
  }
}
