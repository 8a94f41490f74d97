import type { BudgetState, OfficeKind, Role, TDisclosure, TFinding, WorkflowAction } from '@budgetflow/domain';

/**
 * The shapes the API answers (apps/api/src/modules/*) that only the client declares; those the API
 * declares too (revisions, comments, publications, notifications, jobs) come from @budgetflow/domain.
 */
/** Every role, as the domain's workflow names them (actionsFor, guardsFor read it as it is). */
export type TRole = Role;

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
  /** A unit's preparer's budget unit (单位编制人); null for everyone else. */
  unit: TUnitRef | null;
}

/** A budget unit (预算单位) of a department: its own level (本级) or a second-level unit (二级单位). */
export interface TUnitRef {
  code: string;
  name: string;
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
  /** the unit of a unit budget (单位预算); null for the department budget (部门预算) */
  unit: TUnitRef | null;
}

/** A unit budget of the department budget's year, as the department budget lists it. */
export interface TUnitBudgetRef {
  id: string;
  unit: TUnitRef;
  state: BudgetState;
  version: number;
  updatedAt: string;
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
  /** a department budget's unit budgets of its year (their approved lines are consolidated, 汇总, into it); [] for a unit budget */
  unitBudgets: TUnitBudgetRef[];
}

export interface TActionResult {
  id: string;
  action: WorkflowAction;
  state: BudgetState;
  version: number;
  revisionNo: number;
  publication?: { id: string; versionNo: number };
}
