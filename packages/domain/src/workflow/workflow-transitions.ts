import type { BudgetRound } from './review-chain';
import type { GuardName } from './workflow-guards';
import type { BudgetState, Role, WorkflowAction, WorkflowEffect } from './workflow.types';

/**
 * Where in the review chain a rule applies: before the last stage an approval hands the budget on,
 * at the last stage it concludes the review.
 */
export type StageCondition = 'before-last-stage' | 'last-stage';

/** What a rule does to the budget's place in its chain: enter its first stage, move to the next, leave the chain. */
export type StageMove = 'enter' | 'advance' | 'leave';

export interface TransitionRule {
  action: WorkflowAction;
  from: readonly BudgetState[];
  to: BudgetState;
  roles: readonly Role[];
  /** the rounds the rule applies in; absent: every round */
  rounds?: readonly BudgetRound[];
  /** the stage position the rule applies at; absent: any */
  at?: StageCondition;
  /** the round the budget moves to; absent: it stays in its round */
  toRound?: BudgetRound;
  /** absent: the budget stays where it is in its chain */
  stage?: StageMove;
  /** true: the rule applies only to a unit budget's 更正 of its published 单位预算 (context `correcting`); absent: to any revision */
  correction?: true;
  /** checked in order; the first that fails refuses the action */
  guards: readonly GuardName[];
  effects: readonly WorkflowEffect[];
}

const REVIEW_GUARDS: readonly GuardName[] = ['inReviewScope', 'actsAtStage', 'opinionGiven', 'approverIsNotSubmitter', 'approverDidNotEdit'];

/** A revision sent up for review: frozen, its reviewers told. */
const SENT_FOR_REVIEW: readonly WorkflowEffect[] = [{ type: 'freeze-revision' }, { type: 'notify', who: 'reviewers' }];
/** A revision sent back to its preparers (退回): editable again, the preparers told. */
const SENT_BACK: readonly WorkflowEffect[] = [{ type: 'unfreeze-revision' }, { type: 'notify', who: 'preparers' }];
/** A review concluded with nothing to record: the preparers and the publishers (who publish next) told. */
const REVIEW_CONCLUDED: readonly WorkflowEffect[] = [
  { type: 'notify', who: 'preparers' },
  { type: 'notify', who: 'publishers' },
];

/**
 * The workflow as data: one row per (action, rounds, stage position), the first matching row
 * decides. An admin manages users and catalogues but takes no part in a budget's approval: no
 * transition lists that role, so that every approval has an accountable reviewer.
 *
 * 两上两下: a proposal (一上) is answered with ceilings (issue-ceilings, 一下); the 二上 goes through
 * the chain stage by stage; the last stage's approval is the 批复 (二下). After 批复 a correction goes
 * through the chain again and keeps its 批复.
 */
export const WORKFLOW_TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['preparer'],
    rounds: ['proposal', 'replied', 'adjustment'],
    stage: 'enter',
    guards: ['ownDepartment', 'noErrors', 'unitsApproved'],
    effects: SENT_FOR_REVIEW,
  },
  {
    // 二上: the budget within its ceilings.
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['preparer'],
    rounds: ['ceilings', 'final'],
    toRound: 'final',
    stage: 'enter',
    guards: ['ownDepartment', 'noErrors', 'unitsApproved', 'withinCeilings'],
    effects: SENT_FOR_REVIEW,
  },
  {
    action: 'withdraw',
    from: ['submitted'],
    to: 'draft',
    roles: ['preparer'],
    stage: 'leave',
    guards: ['ownDepartment'],
    effects: [{ type: 'unfreeze-revision' }, { type: 'notify', who: 'reviewers' }],
  },
  {
    // From any stage back to the preparer; the reason stays in the trail for every later stage.
    action: 'return',
    from: ['submitted'],
    to: 'returned',
    roles: ['reviewer'],
    rounds: ['proposal', 'final', 'replied', 'adjustment'],
    stage: 'leave',
    guards: ['inReviewScope', 'actsAtStage', 'reasonGiven'],
    effects: SENT_BACK,
  },
  {
    action: 'approve',
    from: ['submitted'],
    to: 'submitted',
    roles: ['reviewer'],
    rounds: ['final', 'replied', 'adjustment'],
    at: 'before-last-stage',
    stage: 'advance',
    guards: REVIEW_GUARDS,
    // The next stage's reviewers take it up; the department hears where its budget went (not a 批复).
    effects: [
      { type: 'notify', who: 'reviewers' },
      { type: 'notify', who: 'preparers' },
    ],
  },
  {
    // 批复 (二下): the last stage replies with a document number and date.
    action: 'approve',
    from: ['submitted'],
    to: 'approved',
    roles: ['reviewer'],
    rounds: ['final'],
    at: 'last-stage',
    toRound: 'replied',
    stage: 'leave',
    guards: [...REVIEW_GUARDS, 'replyGiven'],
    effects: [{ type: 'record-reply' }, { type: 'notify', who: 'preparers' }, { type: 'notify', who: 'publishers' }],
  },
  {
    // A correction after 批复 is approved again; the 批复 and its 预算指标 stand.
    action: 'approve',
    from: ['submitted'],
    to: 'approved',
    roles: ['reviewer'],
    rounds: ['replied'],
    at: 'last-stage',
    stage: 'leave',
    guards: REVIEW_GUARDS,
    effects: REVIEW_CONCLUDED,
  },
  {
    // 审签 (保密审查) where the policy requires it: the approved revision, cleared by a signer in scope;
    // a unit's 单位预算 too, where it is published.
    action: 'sign-off',
    from: ['approved'],
    to: 'approved',
    roles: ['signer'],
    rounds: ['replied', 'unit'],
    guards: ['inReviewScope', 'opinionGiven', 'notSignedOff'],
    effects: [{ type: 'record-sign-off' }, { type: 'notify', who: 'publishers' }],
  },
  {
    action: 'publish',
    from: ['approved'],
    to: 'published',
    roles: ['publisher'],
    rounds: ['replied'],
    guards: ['ownDepartment', 'signedOffIfRequired', 'publisherIsNotSigner'],
    effects: [{ type: 'render-publication' }, { type: 'notify', who: 'preparers' }],
  },
  {
    // A correction (更正) is a new revision that goes through review again; the published version stays.
    action: 'revise',
    from: ['published'],
    to: 'draft',
    roles: ['preparer', 'publisher'],
    rounds: ['replied'],
    guards: ['ownDepartment', 'reviseReasonGiven'],
    effects: [{ type: 'open-revision' }],
  },
  {
    // 下达控制数 (一下): the 预算科 answers the proposal; its figures stay as the 一上 beside the ceilings.
    action: 'issue-ceilings',
    from: ['submitted'],
    to: 'draft',
    roles: ['reviewer'],
    rounds: ['proposal'],
    toRound: 'ceilings',
    stage: 'leave',
    // The 预算科's note is the department's instruction for its 二上: it cannot be left empty.
    guards: ['inReviewScope', 'actsAtStage', 'opinionGiven', 'ceilingsSet'],
    effects: [{ type: 'unfreeze-revision' }, { type: 'keep-proposal' }, { type: 'notify', who: 'preparers' }],
  },
  {
    // 预算调整 (调剂/追加/调减) after 批复: a new revision of the approved one, with its reason.
    action: 'adjust',
    from: ['approved', 'published'],
    to: 'draft',
    roles: ['preparer'],
    rounds: ['replied'],
    toRound: 'adjustment',
    guards: ['ownDepartment', 'adjustmentGiven'],
    effects: [{ type: 'open-revision' }, { type: 'open-adjustment' }, { type: 'notify', who: 'reviewers' }],
  },
  {
    // The adjustment's 批复 at the last stage: its figures become the 预算指标; the budget is replied again.
    action: 'approve',
    from: ['submitted'],
    to: 'approved',
    roles: ['reviewer'],
    rounds: ['adjustment'],
    at: 'last-stage',
    toRound: 'replied',
    stage: 'leave',
    guards: [...REVIEW_GUARDS, 'replyGiven'],
    effects: [{ type: 'record-adjustment' }, { type: 'notify', who: 'preparers' }, { type: 'notify', who: 'publishers' }],
  },
  {
    // 更正 of a published 单位预算, as of a 部门预算: the unit's preparers or the department's publisher
    // (who published it) reopen it as a draft in the unit round, with a reason; it goes through
    // 主管部门审核 again and its publication is version 2, with its 更正说明.
    //
    // Consolidation: a unit is published only after its 部门预算's 批复, so a correction always comes
    // after the department's approved figures (预算指标) are fixed. The simplest rule that never alters
    // them: a unit's 更正 corrects its disclosure (its 说明 texts, its own copy of the department's
    // facts), not its money. Its lines, income and projects must stay exactly its part consolidated
    // into the 部门预算 (unitPartKept, checked at submission), and its re-approval consolidates nothing
    // and needs no open 部门预算. A change of a unit's figures after 批复 is the department's 预算调整.
    action: 'revise',
    from: ['published'],
    to: 'draft',
    roles: ['preparer'],
    rounds: ['unit'],
    guards: ['ownDepartment', 'reviseReasonGiven'],
    effects: [{ type: 'open-revision' }],
  },
  {
    // The department's publisher corrects the 单位预算 it published (see the row above).
    action: 'revise',
    from: ['published'],
    to: 'draft',
    roles: ['publisher'],
    rounds: ['unit'],
    guards: ['departmentOfUnit', 'reviseReasonGiven'],
    effects: [{ type: 'open-revision' }],
  },
  {
    // A unit's 更正 goes to its 主管部门 with its figures as consolidated: only its disclosure changes.
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['preparer'],
    rounds: ['unit'],
    correction: true,
    stage: 'enter',
    guards: ['ownDepartment', 'noErrors', 'unitPartKept'],
    effects: SENT_FOR_REVIEW,
  },
  {
    // A unit's 更正 sent back: it never touched the 部门预算, which may stay approved.
    action: 'return',
    from: ['submitted'],
    to: 'returned',
    roles: ['department_reviewer'],
    rounds: ['unit'],
    correction: true,
    stage: 'leave',
    guards: ['inReviewScope', 'reasonGiven'],
    effects: SENT_BACK,
  },
  {
    // A unit's 更正 approved by its 主管部门: nothing to consolidate (its figures are the 部门预算's
    // already); the department's publisher publishes it again, as version 2.
    action: 'approve',
    from: ['submitted'],
    to: 'approved',
    roles: ['department_reviewer'],
    rounds: ['unit'],
    correction: true,
    stage: 'leave',
    guards: REVIEW_GUARDS,
    effects: REVIEW_CONCLUDED,
  },
  {
    // 单位预算: a unit's preparers send it to their 主管部门.
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['preparer'],
    rounds: ['unit'],
    stage: 'enter',
    guards: ['ownDepartment', 'noErrors'],
    effects: SENT_FOR_REVIEW,
  },
  {
    // Back to the unit, under review or already consolidated (while the 部门预算 is still the department's to change).
    action: 'return',
    from: ['submitted', 'approved'],
    to: 'returned',
    roles: ['department_reviewer'],
    rounds: ['unit'],
    stage: 'leave',
    guards: ['inReviewScope', 'reasonGiven', 'departmentBudgetOpen'],
    effects: SENT_BACK,
  },
  {
    // 主管部门审核: the department's reviewer approves a unit's budget, which is then consolidated (审核汇总).
    action: 'approve',
    from: ['submitted'],
    to: 'approved',
    roles: ['department_reviewer'],
    rounds: ['unit'],
    stage: 'leave',
    guards: [...REVIEW_GUARDS, 'departmentBudgetOpen'],
    effects: [{ type: 'consolidate-unit' }, { type: 'notify', who: 'preparers' }],
  },
  {
    // 单位预算公开: where the template prints a 单位 scope (Shanghai), the department's publisher
    // publishes each approved unit budget's own disclosure, once the 部门预算 has its 批复.
    action: 'publish',
    from: ['approved'],
    to: 'published',
    roles: ['publisher'],
    rounds: ['unit'],
    guards: ['departmentOfUnit', 'templateHasUnitScope', 'departmentReplied', 'signedOffIfRequired', 'publisherIsNotSigner'],
    effects: [{ type: 'render-publication' }, { type: 'notify', who: 'preparers' }],
  },
];
