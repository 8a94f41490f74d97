import type { GuardName } from './workflow-guards';
import type { BudgetState, Role, WorkflowAction, WorkflowEffect } from './workflow.types';

export interface TransitionRule {
  action: WorkflowAction;
  from: readonly BudgetState[];
  to: BudgetState;
  roles: readonly Role[];
  /** checked in order; the first that fails refuses the action */
  guards: readonly GuardName[];
  effects: readonly WorkflowEffect[];
}

/**
 * The workflow as data. An admin manages users and catalogues but takes no part in a budget's
 * approval: no transition lists that role, so that every approval has an accountable reviewer.
 */
export const WORKFLOW_TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['preparer'],
    guards: ['ownDepartment', 'noErrors', 'withinCeilings'],
    effects: [{ type: 'freeze-revision' }, { type: 'notify', who: 'reviewers' }],
  },
  {
    action: 'withdraw',
    from: ['submitted'],
    to: 'draft',
    roles: ['preparer'],
    guards: ['ownDepartment'],
    effects: [{ type: 'unfreeze-revision' }, { type: 'notify', who: 'reviewers' }],
  },
  {
    action: 'return',
    from: ['submitted'],
    to: 'returned',
    roles: ['reviewer'],
    guards: ['inReviewScope', 'reasonGiven'],
    effects: [{ type: 'unfreeze-revision' }, { type: 'notify', who: 'preparers' }],
  },
  {
    action: 'approve',
    from: ['submitted'],
    to: 'approved',
    roles: ['reviewer'],
    guards: ['inReviewScope', 'approverIsNotSubmitter', 'approverDidNotEdit'],
    effects: [
      { type: 'notify', who: 'preparers' },
      { type: 'notify', who: 'publishers' },
    ],
  },
  {
    action: 'publish',
    from: ['approved'],
    to: 'published',
    roles: ['publisher'],
    guards: ['ownDepartment'],
    effects: [{ type: 'render-publication' }, { type: 'notify', who: 'preparers' }],
  },
  {
    // A correction is a new revision that goes through review again; the published version stays.
    action: 'revise',
    from: ['published'],
    to: 'draft',
    roles: ['preparer', 'publisher'],
    guards: ['ownDepartment'],
    effects: [{ type: 'open-revision' }],
  },
];
