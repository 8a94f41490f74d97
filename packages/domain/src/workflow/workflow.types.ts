import type { CeilingExcess } from '../budget/ceilings';
import type { ActorOffice, AdjustmentKind, BudgetRound, StagePosition } from './review-chain';

/** The state of a budget revision. `submitted` is 审核中 (under review by the finance bureau). */
export const BUDGET_STATES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type BudgetState = (typeof BUDGET_STATES)[number];

/**
 * `revise` starts a correction of a published budget: a new revision that is reviewed again.
 * `issue-ceilings` (下达控制数, 一下): the 预算科 answers a proposal (一上) with the department's ceilings.
 * `adjust` (预算调整): after 批复 the department asks for an adjustment, reviewed along the chain.
 * `sign-off` (审签, 保密审查): where the bureau's policy of the year requires it, a signer clears the
 * approved revision before it is published; the budget stays approved.
 */
export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'return', 'approve', 'publish', 'revise', 'issue-ceilings', 'adjust', 'sign-off'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * preparer and publisher belong to a department (a preparer may belong to one of its units, and
 * then prepares that unit's budget only); a reviewer (财政局) works on a scope of departments, and
 * so does a signer (审签人), who clears approved disclosures for publication; a department reviewer
 * (部门审核人, the 主管部门) reviews the budgets of its own department's units.
 */
export const ROLES = ['preparer', 'reviewer', 'publisher', 'admin', 'signer', 'department_reviewer'] as const;
/** Two of the three separated administrators (三员; admin is the third, 系统管理员): no transition lists them. */
export const SEPARATED_ADMIN_ROLES = ['security_admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number] | (typeof SEPARATED_ADMIN_ROLES)[number];

export interface WorkflowActor {
  userId: string;
  role: Role;
  departmentCode?: string;
  /** a unit's preparer: the unit (二级单位) whose budget they prepare; absent: the department's own people */
  unitCode?: string;
  /** a reviewer's office (预算科, 业务科室 …) with the departments it is assigned */
  office?: ActorOffice;
}

/** What the caller knows about the budget revision the action applies to. */
export interface WorkflowContext {
  departmentCode: string;
  /** a 单位预算: the unit whose budget it is; absent for the 部门预算 */
  unitCode?: string;
  /** the department budget's submission: its units' budgets of the year that are not yet approved (审核汇总) */
  pendingUnits?: readonly { code: string; name: string; state: BudgetState }[];
  /** a unit budget's approval: the state of the department budget it is consolidated into */
  departmentBudgetState?: BudgetState;
  /** a unit budget's publication: whether the disclosure template in force prints a 单位 scope (单位预算) */
  unitScope?: boolean;
  /** a unit budget's publication: the date (YYYY-MM-DD) of its 部门预算's 批复; absent: not replied yet */
  departmentRepliedOn?: string;
  /** a unit budget with a published 单位预算: the revision in work is its 更正 (correction) */
  correcting?: boolean;
  /** a unit budget's correction: whether its lines, income or projects differ from its part consolidated into the 部门预算 */
  unitPartChanged?: boolean;
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
  /** 下达控制数: whether the department's ceilings of the year are filled in */
  ceilingsSet?: boolean;
  /** the issued ceilings (控制数) the revision exceeds; absent or empty: within them */
  ceilingExcesses?: readonly CeilingExcess[];
  /** the round of 两上两下 the budget is in */
  round: BudgetRound;
  /** the stage the budget waits on while in review (submitted) */
  stage?: StagePosition;
  /** the acting stage's opinion (审核意见) */
  opinion?: string;
  /** the 批复 given at the last stage: its document number (文号) and date (YYYY-MM-DD) */
  reply?: { documentNo?: string; date?: string };
  /** the kind of 预算调整 asked for (its reason is `reason`) */
  adjustmentKind?: AdjustmentKind;
  /** whether the bureau's publication policy of the year requires a 审签 before publication */
  signOffRequired?: boolean;
  /** who signed off (审签) the approved revision; absent: nobody yet */
  signedOffBy?: string;
}

export type NotifyAudience = 'preparers' | 'reviewers' | 'publishers';

/** Plain data for the API and the jobs to act on after the transition is stored. */
export type WorkflowEffect =
  | { type: 'freeze-revision' } // the submitted content becomes read-only
  | { type: 'unfreeze-revision' } // editable again (withdrawn or returned)
  | { type: 'open-revision' } // a new draft revision, copied from the published one
  | { type: 'render-publication' } // produce the public disclosure of the approved revision, as a new version
  | { type: 'notify'; who: NotifyAudience; reason?: string }
  | { type: 'keep-proposal' } // the proposal's revision stays as the 一上 figures, beside the ceilings
  | { type: 'open-adjustment' } // 预算调整 starts: the adjusted revision is its base
  | { type: 'record-adjustment' } // the adjustment's 批复: the new revision's figures become the 预算指标
  | { type: 'consolidate-unit' } // 审核汇总: the unit budget's lines and projects replace the unit's in the 部门预算
  | { type: 'record-sign-off' } // 审签: who cleared the approved revision for publication, with their opinion
  | { type: 'record-reply' }; // 批复: the approved figures become 预算指标 per line; the 20-day clock starts
