import type { DomainErrorCode } from '../errors';
import { fitsStage } from './review-chain';
import type { WorkflowActor, WorkflowContext } from './workflow.types';

const given = (text: string | undefined): boolean => (text ?? '').trim() !== '';
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export type GuardName =
  | 'ownDepartment'
  | 'inReviewScope'
  | 'noErrors'
  | 'reasonGiven'
  | 'approverIsNotSubmitter'
  | 'approverDidNotEdit'
  | 'withinCeilings'
  | 'actsAtStage'
  | 'opinionGiven'
  | 'replyGiven'
  | 'reviseReasonGiven'
  | 'adjustmentGiven'
  | 'notSignedOff'
  | 'signedOffIfRequired'
  | 'publisherIsNotSigner'
  | 'unitsApproved'
  | 'ceilingsSet'
  | 'departmentBudgetOpen'
  | 'departmentOfUnit'
  | 'templateHasUnitScope'
  | 'departmentReplied'
  | 'unitPartKept';

export interface Guard {
  holds(actor: WorkflowActor, context: WorkflowContext): boolean;
  error: DomainErrorCode;
  message(actor: WorkflowActor, context: WorkflowContext): string;
  /** what a client needs to show the refusal, beside the guard's name */
  details?(context: WorkflowContext): Record<string, unknown>;
}

/** Named predicates that a transition of the table lists; each refuses with its own code. */
export const GUARDS: Readonly<Record<GuardName, Guard>> = {
  // Within the department, a unit's preparers act on their unit's budget and the department's own people on the 部门预算.
  ownDepartment: {
    holds: (actor, context) => actor.departmentCode !== undefined && actor.departmentCode === context.departmentCode && actor.unitCode === context.unitCode,
    error: 'OUT_OF_SCOPE',
    message: (actor, context) =>
      context.unitCode === undefined
        ? `a ${actor.role} acts only on the budget of their own department, not ${context.departmentCode}`
        : `only the preparers of unit ${context.unitCode} act on its budget`,
  },
  // A unit's 单位预算 is disclosed by its 主管部门: the department's own people (not a unit's) act for it.
  departmentOfUnit: {
    holds: (actor, context) => actor.departmentCode !== undefined && actor.departmentCode === context.departmentCode && actor.unitCode === undefined,
    error: 'OUT_OF_SCOPE',
    message: (actor, context) => `a ${actor.role} of department ${context.departmentCode} itself acts for its units' budgets`,
  },
  // The bureau's scope of departments: a reviewer's or a signer's.
  inReviewScope: {
    holds: (_actor, { reviewerScope, departmentCode }) =>
      reviewerScope === 'all' || (reviewerScope !== undefined && reviewerScope.includes(departmentCode)),
    error: 'OUT_OF_SCOPE',
    message: (actor, context) => `department ${context.departmentCode} is not in this ${actor.role}'s scope`,
  },
  noErrors: {
    holds: (_actor, context) => context.errorCount === 0,
    error: 'SUBMISSION_HAS_ERRORS',
    message: (_actor, context) => `the budget has ${context.errorCount} error(s); fix them before submitting`,
  },
  reasonGiven: {
    holds: (_actor, context) => given(context.reason),
    error: 'RETURN_REASON_REQUIRED',
    message: () => 'returning a budget requires a reason',
  },
  // Separation of duties: nobody approves their own work.
  approverIsNotSubmitter: {
    holds: (actor, context) => actor.userId !== context.submitterId,
    error: 'APPROVER_IS_SUBMITTER',
    message: () => 'the approver cannot be the one who submitted the budget',
  },
  approverDidNotEdit: {
    holds: (actor, context) => !context.editorIds.includes(actor.userId),
    error: 'APPROVER_EDITED_REVISION',
    message: () => 'the approver cannot be someone who edited this revision',
  },
  // The chain is sequential: only who the current stage names acts on the budget now.
  actsAtStage: {
    holds: (actor, context) =>
      context.stage !== undefined &&
      fitsStage(context.stage.stage, { role: actor.role, office: actor.office, reviewerScope: context.reviewerScope }, context.departmentCode),
    error: 'NOT_YOUR_STAGE',
    message: (_actor, context) =>
      context.stage === undefined ? 'the budget waits on no review stage' : `the budget waits on the stage ${context.stage.stage.name}, which is not yours`,
  },
  opinionGiven: {
    holds: (_actor, context) => given(context.opinion),
    error: 'OPINION_REQUIRED',
    message: (actor) => (actor.role === 'signer' ? 'a sign-off (审签) requires the opinion (审签意见)' : "approving and issuing ceilings require the stage's opinion (审核意见)"),
  },
  // 批复 (二下) is a document: without its number and date there is nothing to cite or count 20 days from.
  replyGiven: {
    holds: (_actor, { reply }) => given(reply?.documentNo) && ISO_DATE.test(reply?.date ?? ''),
    error: 'REPLY_REQUIRED',
    message: () => "the last stage's approval is the 批复: it requires the document number (documentNo) and its date (YYYY-MM-DD)",
  },
  reviseReasonGiven: {
    holds: (_actor, context) => given(context.reason),
    error: 'REVISE_REASON_REQUIRED',
    message: () => 'a correction (更正) of a published budget requires a reason',
  },
  adjustmentGiven: {
    holds: (_actor, context) => context.adjustmentKind !== undefined && given(context.reason),
    error: 'ADJUSTMENT_REASON_REQUIRED',
    message: () => 'a 预算调整 requires its kind (transfer 调剂, increase 追加, decrease 调减) and a reason',
  },
  // One 审签 per approved revision: a correction is approved anew and signed anew.
  notSignedOff: {
    holds: (_actor, context) => context.signedOffBy === undefined,
    error: 'ALREADY_SIGNED_OFF',
    message: () => 'the approved revision is already signed off (审签)',
  },
  signedOffIfRequired: {
    holds: (_actor, context) => context.signOffRequired !== true || context.signedOffBy !== undefined,
    error: 'SIGN_OFF_REQUIRED',
    message: () => "the bureau's publication policy of the year requires a sign-off (审签) of the approved revision before it is published",
  },
  // Separation of duties: the one who clears a disclosure is not the one who releases it.
  publisherIsNotSigner: {
    holds: (actor, context) => context.signedOffBy === undefined || context.signedOffBy !== actor.userId,
    error: 'PUBLISHER_IS_SIGNER',
    message: () => 'the publisher cannot be the one who signed off (审签) the revision',
  },
  // The 部门预算 is its units' consolidation: it goes to the bureau once every unit budget is approved (审核汇总).
  unitsApproved: {
    holds: (_actor, context) => (context.pendingUnits ?? []).length === 0,
    error: 'UNITS_NOT_APPROVED',
    message: (_actor, context) => `the budgets of these units are not yet approved by the department: ${(context.pendingUnits ?? []).map((u) => `${u.name} (${u.state})`).join(', ')}`,
    details: (context) => ({ pending: context.pendingUnits ?? [] }),
  },
  // A unit's approval changes the 部门预算's figures: only while the department can still edit it.
  departmentBudgetOpen: {
    holds: (_actor, context) => context.departmentBudgetState === 'draft' || context.departmentBudgetState === 'returned',
    error: 'DEPARTMENT_BUDGET_LOCKED',
    message: (_actor, context) =>
      `the department's budget is ${context.departmentBudgetState ?? 'missing'}: its units' figures change only while it is a draft or returned`,
    details: (context) => ({ departmentBudgetState: context.departmentBudgetState ?? null }),
  },
  // 下达控制数 issues figures: the 预算科 fills in the department's ceilings first (PUT …/ceilings or the sheet).
  ceilingsSet: {
    holds: (_actor, context) => context.ceilingsSet === true,
    error: 'CEILINGS_NOT_SET',
    message: () => "the department's ceilings (控制数) of the year are not filled in: fill them in before issuing them",
  },
  // Only a template that prints a 单位 version of its tables (Shanghai) publishes a unit's own 单位预算.
  templateHasUnitScope: {
    holds: (_actor, context) => context.unitScope === true,
    error: 'NO_UNIT_SCOPE',
    message: () => "the disclosure template in force prints no 单位预算: a unit's budget is disclosed within its department's 部门预算",
  },
  // A unit's budget is final only when the bureau has replied (批复) to its 部门预算 and the department
  // to its units: its 主管部门审核 comes before the department's own review, which may still change it.
  departmentReplied: {
    holds: (_actor, context) => context.departmentRepliedOn !== undefined,
    error: 'DEPARTMENT_NOT_REPLIED',
    message: () => "the department's budget (部门预算) has no 批复 yet: its units' budgets are published after it",
  },
  // A 更正 of a published 单位预算 corrects its disclosure, not its money: the unit's part of the 部门预算
  // (approved, 批复) stays as it is; a change of figures is the department's 预算调整.
  unitPartKept: {
    holds: (_actor, context) => context.unitPartChanged !== true,
    error: 'UNIT_PART_CHANGED',
    message: () =>
      "a correction (更正) of a published unit budget corrects its disclosure only: its lines, income and projects stay those consolidated into the department's approved budget (部门预算); a change of figures is the department's 预算调整",
  },
  // 二上 within the 控制数: the caller compares the figures with the issued ceilings (exceededCeilings).
  withinCeilings: {
    holds: (_actor, context) => (context.ceilingExcesses ?? []).length === 0,
    error: 'OVER_CEILING',
    message: (_actor, context) => `the budget exceeds ${(context.ceilingExcesses ?? []).map((e) => `${e.name} by ${e.excessFen} 分`).join(', ')}`,
    details: (context) => ({ exceeded: context.ceilingExcesses ?? [] }),
  },
};
