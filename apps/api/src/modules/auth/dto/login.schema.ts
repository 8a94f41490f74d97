import { ZLineText, ZOfficeKind, ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { ZRole } from '../../../common/auth/role';

export const ZLoginRequest = z.strictObject({
  username: ZLineText.trim().toLowerCase().min(1, 'required').max(64),
  password: ZText.min(1, 'required').max(256),
  /** The authenticator app's 6-digit code, for an account with two-factor sign-in. */
  totpCode: z.string().regex(/^\d{6}$/, '6 digits').optional(),
  /** Instead of a code: one of the account's single-use recovery codes. */
  recoveryCode: ZLineText.trim().min(1).max(32).optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  role: ZRole,
  departmentCode: z.string().nullable(),
  totpEnabled: z.boolean(),
  /** Production: the account must enrol two-factor sign-in before it can do anything else. */
  mustEnrolTotp: z.boolean(),
  /** A reviewer's office (科室) in the finance bureau, whose work the screens offer; null for everyone else and for a reviewer of none. */
  office: z.object({ code: z.string(), name: z.string(), kind: ZOfficeKind }).nullable(),
  /** A unit's preparer (单位编制人): the unit (二级单位) whose budget they prepare; null for everyone else. */
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZLoginResponse = z.object({
  accessToken: z.string().describe('Send as `Authorization: Bearer <accessToken>`'),
  expiresAt: z.iso.datetime(),
  csrfToken: z.string().describe('For cookie sessions: send as X-CSRF-Token on unsafe requests'),
  user: ZSessionUser,
});
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

export const ZChangePassword = z.strictObject({
  currentPassword: ZText.min(1, 'required').max(256),
  newPassword: ZText.min(1, 'required').max(256),
});
export type TChangePassword = z.infer<typeof ZChangePassword>;

export const ZTotpEnrolment = z.object({
  secret: z.string().describe('base32, for typing into an authenticator app'),
  otpauthUri: z.string(),
  qrCode: z.string().describe('the otpauth URI as a PNG data URL'),
});

export const ZConfirmTotp = z.strictObject({ code: z.string().regex(/^\d{6}$/, '6 digits') });
export type TConfirmTotp = z.infer<typeof ZConfirmTotp>;

export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()).describe('single-use; shown once') });
