import { z } from 'zod';

/**
 * admin (系统管理员): manages people, departments, fiscal years and the catalogue.
 * preparer (编制人) and publisher (公开人): each of one department.
 * reviewer (财政局审核人): the finance bureau; all departments or those assigned.
 * signer (审签人): the finance bureau's 审签 (保密审查) of approved disclosures before publication,
 *   where the bureau's policy of the year requires it; a review scope like a reviewer's.
 * security_admin (安全保密管理员): roles and security settings (two-factor resets).
 * department_reviewer (部门审核人): the 主管部门's review of its own units' budgets (单位预算).
 * auditor (安全审计员): reads the audit trail and nothing else.
 * The last two take part in no budget (三员: separated administrators).
 */
export const ZRole = z.enum(['admin', 'preparer', 'publisher', 'reviewer', 'signer', 'department_reviewer', 'security_admin', 'auditor']);
export type TRole = z.infer<typeof ZRole>;
/** The roles of the budget desks: `@Roles(...ALL_ROLES)` = anyone who works on budgets (not security_admin or auditor). */
export const ALL_ROLES: readonly TRole[] = ['admin', 'preparer', 'publisher', 'reviewer', 'signer', 'department_reviewer'];
/** Who works on a scope of departments (all, or those assigned): the bureau's reviewers and signers. */
export const SCOPED_ROLES: readonly TRole[] = ['reviewer', 'signer'];
export const hasReviewScope = (role: TRole): boolean => SCOPED_ROLES.includes(role);
/** Every signed-in user, whatever the role: one's own session, password and two-factor. */
export const EVERY_ROLE: readonly TRole[] = ZRole.options;
/** Who must use two-factor sign-in in production: everyone who approves, publishes or administers. */
export const TOTP_REQUIRED_ROLES: readonly TRole[] = ['reviewer', 'signer', 'department_reviewer', 'publisher', 'admin', 'security_admin', 'auditor'];
