import type { DomainErrorCode } from '../errors';
import type { WorkflowActor, WorkflowContext } from './workflow.types';

export type GuardName =
  | 'ownDepartment'
  | 'inReviewScope'
  | 'noErrors'
  | 'reasonGiven'
  | 'approverIsNotSubmitter'
  | 'approverDidNotEdit'
  | 'withinCeilings';

export interface Guard {
  holds(actor: WorkflowActor, context: WorkflowContext): boolean;
  error: DomainErrorCode;
  message(actor: WorkflowActor, context: WorkflowContext): string;
  /** what a client needs to show the refusal, beside the guard's name */
  details?(context: WorkflowContext): Record<string, unknown>;
}

/** Named predicates that a transition of the table lists; each refuses with its own code. */
export const GUARDS: Readonly<Record<GuardName, Guard>> = {
  ownDepartment: {
    holds: (actor, context) => actor.departmentCode !== undefined && actor.departmentCode === context.departmentCode,
    error: 'OUT_OF_SCOPE',
    message: (actor, context) => `a ${actor.role} acts only on the budget of their own department, not ${context.departmentCode}`,
  },
  inReviewScope: {
    holds: (_actor, { reviewerScope, departmentCode }) =>
      reviewerScope === 'all' || (reviewerScope !== undefined && reviewerScope.includes(departmentCode)),
    error: 'OUT_OF_SCOPE',
    message: (_actor, context) => `department ${context.departmentCode} is not in this reviewer's scope`,
  },
  noErrors: {
    holds: (_actor, context) => context.errorCount === 0,
    error: 'SUBMISSION_HAS_ERRORS',
    message: (_actor, context) => `the budget has ${context.errorCount} error(s); fix them before submitting`,
  },
  reasonGiven: {
    holds: (_actor, context) => (context.reason ?? '').trim() !== '',
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
  // 二上 within the 控制数: the caller compares the figures with the issued ceilings (exceededCeilings).
  withinCeilings: {
    holds: (_actor, context) => (context.ceilingExcesses ?? []).length === 0,
    error: 'OVER_CEILING',
    message: (_actor, context) => `the budget exceeds ${(context.ceilingExcesses ?? []).map((e) => `${e.name} by ${e.excessFen} 分`).join(', ')}`,
    details: (context) => ({ exceeded: context.ceilingExcesses ?? [] }),
  },
};
