import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, TAppConfig } from '../../config/app-config';
import { TCaller } from '../../common/auth/caller';
import { csrfTokenFor } from '../../common/auth/csrf';
import { TRole } from '../../common/auth/role';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { TLoginRequest, TLoginResponse } from './dto/login.schema';
import { LoginThrottleRepository } from './login-throttle.repository';
import { verifyPassword } from './password';
import { SessionService } from './session.service';

interface TLoginUserRow {
  id: string;
  username: string;
  role: TRole;
  passwordHash: string;
  departmentCode: string | null;
}

type TOutcome = { kind: 'ok'; response: TLoginResponse } | { kind: 'throttled'; retryAfter: number } | { kind: 'refused' };

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: TAppConfig,
  ) {}

  /** Every attempt, successful or not, is recorded and audited in the same transaction. */
  async login(request: TLoginRequest, client: { ip: string; userAgent: string | undefined }): Promise<TLoginResponse> {
    const { username, password } = request;
    const outcome = await this.dataSource.transaction(async (tx): Promise<TOutcome> => {
      await this.throttle.lockPair(tx, username, client.ip);
      const retryAfter = await this.throttle.retryAfterSeconds(tx, username, client.ip);
      if (retryAfter > 0) {
        await this.audit.append(tx, { actor: 'anonymous', action: 'auth.login.throttled', entity: 'user', entityId: username, payload: { ip: client.ip } });
        return { kind: 'throttled', retryAfter };
      }
      const [user] = (await tx.query(
        `SELECT u.id, u.username, u.role, u.password_hash AS "passwordHash", d.code AS "departmentCode"
         FROM users u LEFT JOIN departments d ON d.id = u.department_id
         WHERE u.username = $1 AND u.active`,
        [username],
      )) as TLoginUserRow[];
      const ok = await verifyPassword(user?.passwordHash ?? null, password);
      await this.throttle.record(tx, username, client.ip, ok);
      if (!ok || user === undefined) {
        await this.audit.append(tx, { actor: 'anonymous', action: 'auth.login.failed', entity: 'user', entityId: username, payload: { ip: client.ip } });
        return { kind: 'refused' };
      }
      const session = await this.sessions.create(tx, user.id, client);
      await this.audit.append(tx, { actor: user.username, action: 'auth.login', entity: 'user', entityId: user.id, payload: { ip: client.ip, sessionId: session.sessionId } });
      return {
        kind: 'ok',
        response: {
          accessToken: session.token,
          expiresAt: session.expiresAt.toISOString(),
          csrfToken: csrfTokenFor(this.config.sessionSecret, session.token),
          user: { id: user.id, username: user.username, role: user.role, departmentCode: user.departmentCode },
        },
      };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.response;
      case 'throttled':
        throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-in attempts; try again later', undefined, { 'Retry-After': String(outcome.retryAfter) });
      case 'refused':
        throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
    }
  }

  async logout(caller: TCaller): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.sessions.revoke(tx, caller.sessionId);
      await this.audit.append(tx, { actor: caller.username, action: 'auth.logout', entity: 'user', entityId: caller.userId, payload: { sessionId: caller.sessionId } });
    });
  }
}
