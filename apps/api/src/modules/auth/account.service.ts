import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TCaller } from '../../common/auth/caller';
import { TOTP_REQUIRED_ROLES } from '../../common/auth/role';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, TAppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { ReviewerOfficesRepository } from '../bureau/reviewer-offices.repository';
import { updateReturning } from '../budgets/update-returning';
import { TChangePassword, TSessionUser } from './dto/login.schema';
import { verifyPassword } from './password';
import { acceptNewPassword, storePassword } from './password-policy';
import { SessionService } from './session.service';
import { acceptedStep, newEnrolment, newRecoveryCodes, openSecret, recoveryCodeHash, sealSecret, type TTotpEnrolment } from './totp';

/** One's own account: password change and two-factor enrolment (等保 2.0 level 3). */
@Injectable()
export class AccountService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: TAppConfig,
    private readonly offices: ReviewerOfficesRepository,
  ) {}

  async secondFactorOf(caller: TCaller): Promise<{ totpEnabled: boolean; mustEnrolTotp: boolean }> {
    const [row] = (await this.dataSource.query(`SELECT totp_enabled_at IS NOT NULL AS enabled FROM users WHERE id = $1`, [caller.userId])) as { enabled: boolean }[];
    const totpEnabled = row?.enabled === true;
    return { totpEnabled, mustEnrolTotp: this.config.totpRequired && TOTP_REQUIRED_ROLES.includes(caller.role) && !totpEnabled };
  }

  /** The user's office (科室) as the session names it, whose work the screens offer; null outside one. */
  async officeOf(userId: string, manager: EntityManager = this.dataSource.manager): Promise<TSessionUser['office']> {
    const office = await this.offices.officeOf(manager, userId);
    return office === null ? null : { code: office.code, name: office.name, kind: office.kind };
  }

  /** A unit's preparer's unit; null for everyone else. */
  async unitOf(userId: string, manager: EntityManager = this.dataSource.manager): Promise<TSessionUser['unit']> {
    const rows: { code: string; name: string }[] = await manager.query(`SELECT bu.code, bu.name FROM users u JOIN budget_units bu ON bu.code = u.unit_code WHERE u.id = $1`, [userId]);
    return rows[0] ?? null;
  }

  /** Changes the caller's password under the policy and signs them out everywhere else. */
  async changePassword(caller: TCaller, input: TChangePassword): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(`SELECT password_hash AS hash FROM users WHERE id = $1 FOR UPDATE`, [caller.userId])) as { hash: string }[];
      if (!(await verifyPassword(row?.hash ?? null, input.currentPassword))) {
        throw new AppError('PASSWORD_REJECTED', 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
      }
      const hash = await acceptNewPassword(tx, { id: caller.userId, username: caller.username }, caller.username, input.newPassword, this.config.passwordPolicy, 'newPassword');
      await storePassword(tx, caller.userId, hash);
      await this.sessions.revokeAllOfUser(tx, caller.userId, caller.sessionId);
      await this.audit.append(tx, { actor: caller.username, action: 'auth.password.change', entity: 'user', entityId: caller.userId, payload: { keptSessionId: caller.sessionId } });
    });
  }

  /** A new secret to scan; it takes effect once a code from it is confirmed. */
  async startEnrolment(caller: TCaller): Promise<TTotpEnrolment> {
    const enrolment = await newEnrolment(caller.username);
    const updated = await updateReturning(this.dataSource.manager, `UPDATE users SET totp_pending_secret = $2 WHERE id = $1 AND totp_enabled_at IS NULL RETURNING 1`, [
      caller.userId,
      sealSecret(this.config.sessionSecret, enrolment.secret),
    ]);
    if (updated.length === 0) throw new AppError('CONFLICT', 'Two-factor sign-in is already set up; the security administrator can reset it');
    return enrolment;
  }

  /** Confirms the enrolment with a code of the new secret; answers the recovery codes (shown once). */
  async confirmEnrolment(caller: TCaller, code: string): Promise<{ recoveryCodes: string[] }> {
    return this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(`SELECT totp_pending_secret AS pending FROM users WHERE id = $1 AND totp_enabled_at IS NULL FOR UPDATE`, [caller.userId])) as { pending: string | null }[];
      if (row?.pending == null) throw new AppError('CONFLICT', 'No enrolment is under way: start one first');
      const pending = openSecret(this.config.sessionSecret, row.pending);
      // Begun under another SESSION_SECRET: the QR code scanned then is of no use now.
      if (pending === undefined) throw new AppError('CONFLICT', 'The enrolment under way can no longer be checked: start one again and scan the new QR code');
      const step = await acceptedStep(pending, code, null);
      if (step === undefined) throw new AppError('VALIDATION_FAILED', 'The code does not match: check the time of the device and try the next code', [{ path: 'code', message: 'wrong code' }]);
      const recoveryCodes = newRecoveryCodes();
      await tx.query(`UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(), totp_last_step = $2 WHERE id = $1`, [caller.userId, step]);
      await tx.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [caller.userId]);
      await tx.query(`INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [caller.userId, recoveryCodes.map(recoveryCodeHash)]);
      await this.audit.append(tx, { actor: caller.username, action: 'auth.totp.enrol', entity: 'user', entityId: caller.userId });
      return { recoveryCodes };
    });
  }
}
