import { ZLineText, ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { hasReviewScope, ZRole } from '../../../common/auth/role';
import { ZOrgCode } from '../../departments/dto/departments.schema';

const ZPassword = ZText.min(10, 'must be at least 10 characters').max(256);
/** Reviewers and signers: 'all' departments, or the codes of those assigned. */
const ZReviewScope = z.union([z.literal('all'), z.array(ZOrgCode).max(1000)]);

/**
 * A preparer, publisher or department reviewer has a department, nobody else; only a reviewer or a
 * signer has a review scope; only a preparer may belong to one unit of their department.
 */
function roleFitsItsFields(u: { role: z.infer<typeof ZRole>; departmentCode?: string | undefined; reviewScope?: unknown; unitCode?: string | undefined }, ctx: z.RefinementCtx): void {
  const needsDepartment = u.role === 'preparer' || u.role === 'publisher' || u.role === 'department_reviewer';
  if (u.unitCode !== undefined && u.role !== 'preparer') ctx.addIssue({ code: 'custom', path: ['unitCode'], message: "only a preparer prepares one unit's budget" });
  if (needsDepartment && u.departmentCode === undefined) ctx.addIssue({ code: 'custom', path: ['departmentCode'], message: `required for a ${u.role}` });
  if (!needsDepartment && u.departmentCode !== undefined) ctx.addIssue({ code: 'custom', path: ['departmentCode'], message: `a ${u.role} belongs to no department` });
  if (!hasReviewScope(u.role) && u.reviewScope !== undefined) ctx.addIssue({ code: 'custom', path: ['reviewScope'], message: 'only for reviewers and signers' });
}

/** The separated administrators' roles other than admin: given by the security administrator only. */
export const SECURITY_GRANTED_ROLES = ['security_admin', 'auditor'] as const;

export const ZCreateUser = z
  .strictObject({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lowercase letters, digits, . _ - (2–64 characters)'),
    displayName: ZLineText.trim().min(1, 'required').max(100),
    password: ZPassword,
    role: ZRole,
    departmentCode: ZOrgCode.optional(),
    /** a unit's preparer (单位编制人): one second-level unit (二级单位) of the department, whose budget they prepare */
    unitCode: ZOrgCode.optional(),
    reviewScope: ZReviewScope.optional(),
  })
  .superRefine(roleFitsItsFields);
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .strictObject({
    displayName: ZLineText.trim().min(1).max(100).optional(),
    password: ZPassword.optional(),
    active: z.boolean().optional(),
    reviewScope: ZReviewScope.optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: 'nothing to change: give displayName, password, active or reviewScope' });
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  departmentCode: z.string().nullable(),
  /** a unit's preparer: the unit whose budget they prepare */
  unitCode: z.string().nullable(),
  reviewScope: z.union([z.literal('all'), z.array(z.string())]).describe("'all', or the assigned departments' codes"),
  active: z.boolean(),
  twoFactor: z.boolean().describe('Whether the account has enrolled two-factor sign-in (TOTP)'),
  office: z
    .object({ code: z.string(), name: z.string(), departments: z.array(z.string()) })
    .nullable()
    .describe("A reviewer's office (科室): the departments it is assigned, which the reviewer reviews whatever reviewScope lists"),
});
export type TUser = z.infer<typeof ZUser>;

/** The security administrator's (安全保密管理员) change of an account's role. */
export const ZChangeRole = z
  .strictObject({
    role: ZRole,
    departmentCode: ZOrgCode.optional(),
    reviewScope: ZReviewScope.optional(),
  })
  .superRefine(roleFitsItsFields);
export type TChangeRole = z.infer<typeof ZChangeRole>;
