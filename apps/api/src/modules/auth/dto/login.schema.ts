import { ZLineText, ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { ZRole } from '../../../common/auth/role';

export const ZLoginRequest = z.strictObject({
  username: ZLineText.trim().toLowerCase().min(1, 'required').max(64),
  password: ZText.min(1, 'required').max(256),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  role: ZRole,
  departmentCode: z.string().nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZLoginResponse = z.object({
  accessToken: z.string().describe('Send as `Authorization: Bearer <accessToken>`'),
  expiresAt: z.iso.datetime(),
  csrfToken: z.string().describe('For cookie sessions: send as X-CSRF-Token on unsafe requests'),
  user: ZSessionUser,
});
export type TLoginResponse = z.infer<typeof ZLoginResponse>;
