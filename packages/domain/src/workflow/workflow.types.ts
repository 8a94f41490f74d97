/** The state of a budget revision. `submitted` is 审核中 (under review by the finance bureau). */
export const BUDGET_STATES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type BudgetState = (typeof BUDGET_STATES)[number];

/** `revise` starts a correction of a published budget: a new revision that is reviewed again. */
export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'return', 'approve', 'publish', 'revise'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** preparer and publisher belong to a department; a reviewer (财政局) works on a scope of departments. */
export const ROLES = ['preparer', 'reviewer', 'publisher', 'admin'] as const;
/** Two of the three separated administrators (三员; admin is the third, 系统管理员): no transition lists them. */
export const SEPARATED_ADMIN_ROLES = ['security_admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number] | (typeof SEPARATED_ADMIN_ROLES)[number];

export interface WorkflowActor {
  userId: string;
  role: Role;
  departmentCode?: string;
}

/** What the caller knows about the budget revision the action applies to. */
export interface WorkflowContext {
  departmentCode: string;
  /** who submitted the revision under review */
  submitterId?: string;
  /** everyone who changed this revision's content */
  editorIds: readonly string[];
  /** errors the rule set finds in the revision (warnings do not count) */
  errorCount: number;
  /** the reviewer's reason for returning */
  reason?: string;
  /** the departments a reviewer may act on; absent means none */
  reviewerScope?: 'all' | readonly string[];
}

export type NotifyAudience = 'preparers' | 'reviewers' | 'publishers';

/** Plain data for the API and the jobs to act on after the transition is stored. */
export type WorkflowEffect =
  | { type: 'freeze-revision' } // the submitted content becomes read-only
  | { type: 'unfreeze-revision' } // editable again (withdrawn or returned)
  | { type: 'open-revision' } // a new draft revision, copied from the published one
  | { type: 'render-publication' } // produce the public disclosure of the approved revision, as a new version
  | { type: 'notify'; who: NotifyAudience; reason?: string };
