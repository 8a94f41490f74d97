import type { BudgetState, OfficeKind, TDisclosure, TFinding, WorkflowAction } from '@budgetflow/domain';

/**
 * The shapes the API answers (apps/api/src/modules/*) that only the client declares; those the API
 * declares too (revisions, comments, publications, notifications, jobs) come from @budgetflow/domain.
 */
export type TRole = 'admin' | 'preparer' | 'publisher' | 'reviewer' | 'signer' | 'security_admin' | 'auditor';

/** Whether the role works on budgets (the API's ALL_ROLES): the security administrator and the auditor (三员) take part in none, nor hear of any. */
export const takesPartInBudgets = (role: TRole): boolean => role !== 'security_admin' && role !== 'auditor';

export interface TSessionUser {
  id: string;
  username: string;
  role: TRole;
  departmentCode: string | null;
  totpEnabled: boolean;
  /** The account must enrol two-factor sign-in before anything else (production, for approving, publishing and administering roles). */
  mustEnrolTotp: boolean;
  /** A reviewer's office (科室) in the finance bureau; null for everyone else and for a reviewer of none. */
  office: { code: string; name: string; kind: OfficeKind } | null;
}

export interface TTotpEnrolment {
  secret: string;
  otpauthUri: string;
  /** PNG data URL of the otpauth URI */
  qrCode: string;
}

export interface TLoginAnswer {
  accessToken: string;
  expiresAt: string;
  csrfToken: string;
  user: TSessionUser;
}

export interface TDepartmentRef {
  id: string;
  code: string;
  name: string;
}

export interface TBudgetSummary {
  id: string;
  department: TDepartmentRef;
  fiscalYear: number;
  state: BudgetState;
  version: number;
  revisionNo: number;
  updatedAt: string;
  /** the 批复's date (YYYY-MM-DD), from which the 20 days to publish run; null before it */
  repliedOn: string | null;
}

export interface TPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface TBudgetView extends TBudgetSummary {
  returnReason: string | null;
  /** the reason of the 更正 (revise) or 预算调整 (adjust) that opened this revision */
  openedFor: { action: 'revise' | 'adjust'; reason: string } | null;
  findings: TFinding[];
  errorCount: number;
  disclosure: TDisclosure;
}

export interface TActionResult {
  id: string;
  action: WorkflowAction;
  state: BudgetState;
  version: number;
  revisionNo: number;
  publication?: { id: string; versionNo: number };
}
