import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TCaller } from '../../common/auth/caller';
import { hasReviewScope } from '../../common/auth/role';
import { AppError, notFound } from '../../common/errors/app-error';
import { uniqueOr409 } from '../../common/errors/unique-violation';
import { AuditService } from '../audit/audit.service';
import { updateReturning } from '../budgets/update-returning';
import { APP_CONFIG, TAppConfig } from '../../config/app-config';
import { acceptNewPassword, storePassword } from '../auth/password-policy';
import { SessionService, TSessionView } from '../auth/session.service';
import { SECURITY_GRANTED_ROLES, TChangeRole, TCreateUser, TUpdateUser, TUser } from './dto/users.schema';
import { TUserRecord, UsersRepository } from './users.repository';

/** Administrators manage accounts; passwords are never logged or audited. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: TAppConfig,
  ) {}

  async list(): Promise<TUser[]> {
    const records = await this.users.listAll(this.dataSource.manager);
    const codes = await this.departmentCodes(this.dataSource.manager);
    return records.map((r) => view(r, codes));
  }

  async create(caller: TCaller, input: TCreateUser): Promise<TUser> {
    if ((SECURITY_GRANTED_ROLES as readonly string[]).includes(input.role)) {
      throw new AppError('FORBIDDEN', 'The security administrator (安全保密管理员) gives this role: PATCH /api/users/{id}/role');
    }
    return this.dataSource.transaction(async (tx) => {
      const passwordHash = await acceptNewPassword(tx, undefined, input.username, input.password, this.config.passwordPolicy, 'password');
      const ids = await this.departmentIdsByCode(tx);
      const departmentId = input.departmentCode === undefined ? null : idOf(ids, input.departmentCode, 'departmentCode');
      const scope = input.reviewScope ?? (hasReviewScope(input.role) ? 'all' : []);
      const reviewDepartmentIds = scope === 'all' ? [] : scope.map((code, i) => idOf(ids, code, `reviewScope.${i}`));
      if (input.unitCode !== undefined && departmentId !== null) await this.mustBeSubordinateUnit(tx, departmentId, input.unitCode);
      const unitCode = input.unitCode ?? null;
      const created = await uniqueOr409(
        () => this.users.insert(tx, { username: input.username, displayName: input.displayName, passwordHash, role: input.role, departmentId, unitCode, reviewAll: scope === 'all' && hasReviewScope(input.role), reviewDepartmentIds }),
        `The username ${input.username} is taken`,
      );
      await this.audit.append(tx, {
        actor: caller.username,
        action: 'user.create',
        entity: 'user',
        entityId: created.id,
        payload: { username: created.username, role: created.role, departmentCode: input.departmentCode ?? null, unitCode, reviewScope: scope },
      });
      return view(created, invert(ids));
    });
  }

  /** Deactivating a user or changing their password signs them out everywhere. */
  async update(caller: TCaller, id: string, input: TUpdateUser): Promise<TUser> {
    return this.dataSource.transaction(async (tx) => {
      const existing = await this.users.findById(tx, id);
      if (existing === null) throw notFound('User');
      // 三员分立: a password the 系统管理员 set would let them sign in as the 安全审计员 and read the
      // audit trail of their own actions (or as the 安全保密管理员, who gives the auditor's role).
      if (input.password !== undefined && (SECURITY_GRANTED_ROLES as readonly string[]).includes(existing.role)) {
        throw new AppError('FORBIDDEN', 'A separated administrator (安全保密管理员, 安全审计员) changes their own password (POST /api/auth/password)', [
          { path: 'password', message: 'not set by the system administrator for this account' },
        ]);
      }
      const passwordHash = input.password === undefined ? undefined : await acceptNewPassword(tx, existing, existing.username, input.password, this.config.passwordPolicy, 'password');
      if (passwordHash !== undefined) await storePassword(tx, id, passwordHash);
      if (input.reviewScope !== undefined && !hasReviewScope(existing.role)) {
        throw new AppError('VALIDATION_FAILED', 'Only reviewers and signers have a review scope', [{ path: 'reviewScope', message: 'only for reviewers and signers' }]);
      }
      if (existing.id === caller.userId && input.active === false) {
        throw new AppError('VALIDATION_FAILED', 'You cannot deactivate yourself', [{ path: 'active', message: 'cannot deactivate yourself' }]);
      }
      const ids = await this.departmentIdsByCode(tx);
      const before = view(existing, invert(ids));
      await this.users.update(tx, id, {
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.reviewScope !== undefined ? { reviewAll: input.reviewScope === 'all' } : {}),
      });
      if (input.reviewScope !== undefined) {
        const scope = input.reviewScope;
        await this.users.setReviewDepartments(tx, id, scope === 'all' ? [] : scope.map((code, i) => idOf(ids, code, `reviewScope.${i}`)));
      }
      if (input.active === false || passwordHash !== undefined) await this.sessions.revokeAllOfUser(tx, id);
      await this.audit.append(tx, {
        actor: caller.username,
        action: 'user.update',
        entity: 'user',
        entityId: id,
        payload: {
          changed: Object.keys(input).sort(),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(input.reviewScope !== undefined ? { reviewScope: input.reviewScope } : {}),
          changes: changesOf(before, input),
        },
      });
      return view((await this.users.findById(tx, id))!, invert(ids));
    });
  }

  /** 安全保密管理员: gives an account another role (and the department or review scope it needs); the account signs in again. */
  async changeRole(caller: TCaller, id: string, input: TChangeRole): Promise<TUser> {
    if (id === caller.userId) throw new AppError('FORBIDDEN', 'Nobody changes their own role');
    return this.dataSource.transaction(async (tx) => {
      const existing = await this.users.findById(tx, id);
      if (existing === null) throw notFound('User');
      const ids = await this.departmentIdsByCode(tx);
      const departmentId = input.departmentCode === undefined ? null : idOf(ids, input.departmentCode, 'departmentCode');
      const scope = input.reviewScope ?? (hasReviewScope(input.role) ? 'all' : []);
      // A new role starts without a unit: only a preparer has one, given when the account is made.
      await tx.query(`UPDATE users SET role = $2, department_id = $3, review_all = $4, unit_code = NULL, updated_at = now() WHERE id = $1`, [id, input.role, departmentId, hasReviewScope(input.role) && scope === 'all']);
      await this.users.setReviewDepartments(tx, id, scope === 'all' ? [] : scope.map((code, i) => idOf(ids, code, `reviewScope.${i}`)));
      await this.sessions.revokeAllOfUser(tx, id);
      await this.audit.append(tx, { actor: caller.username, action: 'user.role', entity: 'user', entityId: id, payload: { from: existing.role, to: input.role, departmentCode: input.departmentCode ?? null, reviewScope: scope } });
      return view((await this.users.findById(tx, id))!, invert(ids));
    });
  }

  /** 安全保密管理员: removes an account's two-factor sign-in (a lost device); it enrols again at its next sign-in. */
  async resetTotp(caller: TCaller, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const updated = await updateReturning(
        tx,
        `UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, updated_at = now() WHERE id = $1 RETURNING 1`,
        [id],
      );
      if (updated.length === 0) throw notFound('User');
      await tx.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [id]);
      await this.sessions.revokeAllOfUser(tx, id);
      await this.audit.append(tx, { actor: caller.username, action: 'user.totp.reset', entity: 'user', entityId: id });
    });
  }

  async liveSessions(id: string): Promise<TSessionView[]> {
    if ((await this.users.findById(this.dataSource.manager, id)) === null) throw notFound('User');
    return this.sessions.listActiveOfUser(this.dataSource.manager, id);
  }

  /** Signs the user out of one session, or of all when no session is named. */
  async revokeSessions(caller: TCaller, id: string, sessionId?: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if ((await this.users.findById(tx, id)) === null) throw notFound('User');
      if (sessionId === undefined) await this.sessions.revokeAllOfUser(tx, id);
      else if (!(await this.sessions.revokeOfUser(tx, id, sessionId))) throw notFound('Session');
      await this.audit.append(tx, { actor: caller.username, action: 'user.sessions.revoke', entity: 'user', entityId: id, payload: { session: sessionId ?? 'all' } });
    });
  }

  /** A unit's preparer belongs to a second-level unit (二级单位) of their own department: the 本级 is the department's own preparers'. */
  private async mustBeSubordinateUnit(manager: EntityManager, departmentId: string, unitCode: string): Promise<void> {
    const rows: { level: string }[] = await manager.query(`SELECT level FROM budget_units WHERE department_id = $1 AND code = $2`, [departmentId, unitCode]);
    const level = rows[0]?.level;
    if (level === 'subordinate') return;
    const message = level === undefined ? `no unit ${unitCode} in this department` : `${unitCode} is the department's own level (本级), prepared by the department's preparers`;
    throw new AppError('VALIDATION_FAILED', 'The unit does not fit this preparer', [{ path: 'unitCode', message }]);
  }

  private async departmentIdsByCode(manager: EntityManager): Promise<Map<string, string>> {
    const rows = (await manager.query(`SELECT id, code FROM departments`)) as { id: string; code: string }[];
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  private async departmentCodes(manager: EntityManager): Promise<Map<string, string>> {
    return invert(await this.departmentIdsByCode(manager));
  }
}

function idOf(ids: Map<string, string>, code: string, path: string): string {
  const id = ids.get(code);
  if (id === undefined) throw new AppError('VALIDATION_FAILED', `No department with code ${code}`, [{ path, message: `unknown department ${code}` }]);
  return id;
}

/** Old → new of each field the update names; a password is only named as changed, never shown. */
function changesOf(before: TUser, input: TUpdateUser): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (input.displayName !== undefined) changes.displayName = { from: before.displayName, to: input.displayName };
  if (input.active !== undefined) changes.active = { from: before.active, to: input.active };
  if (input.reviewScope !== undefined) changes.reviewScope = { from: before.reviewScope, to: input.reviewScope };
  if (input.password !== undefined) changes.password = { from: '***', to: '***' };
  return changes;
}

function invert(map: Map<string, string>): Map<string, string> {
  return new Map([...map].map(([k, v]) => [v, k]));
}

function view(r: TUserRecord, codeById: Map<string, string>): TUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    departmentCode: r.departmentCode,
    unitCode: r.unitCode,
    reviewScope: !hasReviewScope(r.role) ? [] : r.reviewAll ? 'all' : r.reviewDepartmentIds.map((id) => codeById.get(id) ?? id),
    active: r.active,
    twoFactor: r.twoFactor,
    office: r.officeCode === null ? null : { code: r.officeCode, name: r.officeName ?? r.officeCode, departments: r.officeDepartmentCodes },
  };
}
