import { BUDGET_STATES, ROLES, WORKFLOW_ACTIONS, type BudgetState, type Role, type WorkflowAction, type WorkflowActor, type WorkflowContext } from './workflow.types';
import { BUDGET_ROUNDS, DEFAULT_REVIEW_CHAIN, PROPOSAL_STAGE, UNIT_REVIEW_STAGE, type ActorOffice, type BudgetRound, type ReviewStage } from './review-chain';
import { actionsFor, canEdit, guardsFor, transition } from './transition';
import type { Fen } from '../money/fen';

/** A context in which every guard holds, so that the matrix shows roles, states, rounds and stages alone. */
const STAGE = DEFAULT_REVIEW_CHAIN.stages[0]!;
const clean: WorkflowContext = {
  departmentCode: '019001',
  submitterId: 'u-preparer',
  editorIds: ['u-preparer'],
  errorCount: 0,
  reason: '项目测算依据不足',
  reviewerScope: 'all',
  round: 'final',
  stage: { index: 0, count: 1, stage: STAGE },
  opinion: '同意',
  reply: { documentNo: '硚财预〔2020〕1号', date: '2020-02-20' },
  adjustmentKind: 'increase',
  ceilingsSet: true,
};
const actorOf = (role: Role, round?: BudgetRound): WorkflowActor => ({
  userId: `u-${role}-2`,
  role,
  departmentCode: role === 'reviewer' || role === 'signer' ? undefined : '019001',
  // a unit's budget is its unit's preparers'
  ...(round === 'unit' && role === 'preparer' ? { unitCode: '019001002' } : {}),
});

/**
 * The whole workflow, round by round: for each action and role, the outcome from each state, and
 * for a budget in review at the first of two stages and at the last: `state/round/stage` (the
 * stage index it then waits on, - when out of review) or the refusal (ROLE = ROLE_NOT_ALLOWED,
 * INVALID = INVALID_TRANSITION). Roles not listed under a round are refused (ROLE) everywhere. A unit's
 * 更正 (context `correcting`) has the unit round's outcomes, with other guards and effects: see 单位预算 below.
 */
const MATRIX = `
action         role                draft                   submitted@first         submitted@last          returned                approved                published
round proposal
submit         preparer            submitted/proposal/0    INVALID                 INVALID                 submitted/proposal/0    INVALID                 INVALID
submit         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       preparer            INVALID                 draft/proposal/-        draft/proposal/-        INVALID                 INVALID                 INVALID
withdraw       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         reviewer            INVALID                 returned/proposal/-     returned/proposal/-     INVALID                 INVALID                 INVALID
return         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
approve        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
approve        publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
publish        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
publish        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
revise         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
revise         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings reviewer            INVALID                 draft/ceilings/-        draft/ceilings/-        INVALID                 INVALID                 INVALID
issue-ceilings publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
adjust         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       signer              INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
sign-off       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
round ceilings
submit         preparer            submitted/final/0       INVALID                 INVALID                 submitted/final/0       INVALID                 INVALID
submit         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       preparer            INVALID                 draft/ceilings/-        draft/ceilings/-        INVALID                 INVALID                 INVALID
withdraw       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
return         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
approve        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
approve        publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
publish        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
publish        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
revise         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
revise         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
issue-ceilings publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
adjust         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       signer              INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
sign-off       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
round final
submit         preparer            submitted/final/0       INVALID                 INVALID                 submitted/final/0       INVALID                 INVALID
submit         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       preparer            INVALID                 draft/final/-           draft/final/-           INVALID                 INVALID                 INVALID
withdraw       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         reviewer            INVALID                 returned/final/-        returned/final/-        INVALID                 INVALID                 INVALID
return         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
approve        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        reviewer            INVALID                 submitted/final/1       approved/replied/-      INVALID                 INVALID                 INVALID
approve        publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
publish        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
publish        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
revise         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
revise         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
issue-ceilings publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
adjust         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       signer              INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
sign-off       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
round replied
submit         preparer            submitted/replied/0     INVALID                 INVALID                 submitted/replied/0     INVALID                 INVALID
submit         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       preparer            INVALID                 draft/replied/-         draft/replied/-         INVALID                 INVALID                 INVALID
withdraw       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         reviewer            INVALID                 returned/replied/-      returned/replied/-      INVALID                 INVALID                 INVALID
return         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
approve        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        reviewer            INVALID                 submitted/replied/1     approved/replied/-      INVALID                 INVALID                 INVALID
approve        publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
publish        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        publisher           INVALID                 INVALID                 INVALID                 INVALID                 published/replied/-     INVALID
publish        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 draft/replied/-
revise         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 draft/replied/-
revise         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
issue-ceilings publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         preparer            INVALID                 INVALID                 INVALID                 INVALID                 draft/adjustment/-      draft/adjustment/-
adjust         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       signer              INVALID                 INVALID                 INVALID                 INVALID                 approved/replied/-      INVALID
sign-off       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
round adjustment
submit         preparer            submitted/adjustment/0  INVALID                 INVALID                 submitted/adjustment/0  INVALID                 INVALID
submit         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       preparer            INVALID                 draft/adjustment/-      draft/adjustment/-      INVALID                 INVALID                 INVALID
withdraw       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         reviewer            INVALID                 returned/adjustment/-   returned/adjustment/-   INVALID                 INVALID                 INVALID
return         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
approve        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        reviewer            INVALID                 submitted/adjustment/1  approved/replied/-      INVALID                 INVALID                 INVALID
approve        publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        department_reviewer INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
publish        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
publish        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
revise         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
revise         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
issue-ceilings publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
adjust         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       signer              INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
sign-off       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
round unit
submit         preparer            submitted/unit/0        INVALID                 INVALID                 submitted/unit/0        INVALID                 INVALID
submit         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
submit         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       preparer            INVALID                 draft/unit/-            draft/unit/-            INVALID                 INVALID                 INVALID
withdraw       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
withdraw       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
return         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
return         department_reviewer INVALID                 returned/unit/-         returned/unit/-         INVALID                 returned/unit/-         INVALID
approve        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
approve        publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
approve        department_reviewer INVALID                 approved/unit/-         approved/unit/-         INVALID                 INVALID                 INVALID
publish        preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        publisher           INVALID                 INVALID                 INVALID                 INVALID                 published/unit/-        INVALID
publish        admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
publish        department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 draft/unit/-
revise         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         publisher           INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 draft/unit/-
revise         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
revise         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings reviewer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
issue-ceilings publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
issue-ceilings department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         preparer            INVALID                 INVALID                 INVALID                 INVALID                 INVALID                 INVALID
adjust         reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         signer              ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
adjust         department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       preparer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       reviewer            ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       publisher           ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       admin               ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
sign-off       signer              INVALID                 INVALID                 INVALID                 INVALID                 approved/unit/-         INVALID
sign-off       department_reviewer ROLE                    ROLE                    ROLE                    ROLE                    ROLE                    ROLE
`;

const CODES: Readonly<Record<string, string>> = { ROLE: 'ROLE_NOT_ALLOWED', INVALID: 'INVALID_TRANSITION' };
const COLUMNS: readonly { state: BudgetState; stageIndex?: number }[] = [
  { state: 'draft' },
  { state: 'submitted', stageIndex: 0 },
  { state: 'submitted', stageIndex: 1 },
  { state: 'returned' },
  { state: 'approved' },
  { state: 'published' },
];
const [headerLine = '', ...rowLines] = MATRIX.trim().split('\n');
let round: BudgetRound = 'proposal';
const cells = rowLines.flatMap((line) => {
  if (line.startsWith('round ')) {
    round = line.slice('round '.length) as BudgetRound;
    return [];
  }
  const [action, role, ...outcomes] = line.split(/\s+/) as [WorkflowAction, Role, ...string[]];
  return outcomes.map((outcome, i) => ({ round, action, role, ...(COLUMNS[i] as (typeof COLUMNS)[number]), outcome }));
});

/** The context of a cell: a chain of two stages (one in 一上, where the 预算科 alone reviews; one for a unit's budget, of its unit). */
function contextOf(cell: { round: BudgetRound; stageIndex?: number }): WorkflowContext {
  const { stage: _stage, ...rest } = clean;
  if (cell.round === 'unit') {
    const unit = { ...rest, round: cell.round, unitCode: '019001002', departmentBudgetState: 'draft' as const, unitScope: true, departmentRepliedOn: '2020-02-20' };
    return cell.stageIndex === undefined ? unit : { ...unit, stage: { index: 0, count: 1, stage: UNIT_REVIEW_STAGE } };
  }
  if (cell.stageIndex === undefined) return { ...rest, round: cell.round };
  const stage = cell.round === 'proposal' ? { index: 0, count: 1, stage: STAGE } : { index: cell.stageIndex, count: 2, stage: { ...STAGE, key: `s${cell.stageIndex}` } };
  return { ...rest, round: cell.round, stage };
}

describe('the transition matrix', () => {
  it('covers every (round, state, stage, action, role) exactly once', () => {
    expect(headerLine.split(/\s+/).slice(2)).toEqual(['draft', 'submitted@first', 'submitted@last', 'returned', 'approved', 'published']);
    const keys = new Set(cells.map((c) => `${c.round}/${c.state}@${c.stageIndex ?? ''}/${c.action}/${c.role}`));
    expect(keys.size).toBe(BUDGET_ROUNDS.length * COLUMNS.length * WORKFLOW_ACTIONS.length * ROLES.length);
    expect(cells).toHaveLength(keys.size);
    expect(new Set(COLUMNS.map((c) => c.state))).toEqual(new Set(BUDGET_STATES));
  });

  it.each(cells)('$round: $action by $role from $state (stage $stageIndex) → $outcome', (cell) => {
    const result = transition(cell.state, cell.action, actorOf(cell.role, cell.round), contextOf(cell));
    if (cell.outcome in CODES) {
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: CODES[cell.outcome] }) });
    } else {
      const [next, toRound, stage] = cell.outcome.split('/');
      expect(result).toEqual(expect.objectContaining({ ok: true, next, round: toRound, stageIndex: stage === '-' ? null : Number(stage) }));
    }
  });

  it('offers a role exactly the actions that succeed when every guard holds', () => {
    for (const cell of cells.filter((c) => c.action === 'submit')) {
      const context = contextOf(cell);
      const succeeding = WORKFLOW_ACTIONS.filter((action) => transition(cell.state, action, actorOf(cell.role, cell.round), context).ok);
      expect(actionsFor(cell.state, cell.role, context)).toEqual(succeeding);
    }
  });
});

describe('guards', () => {
  const preparer = actorOf('preparer');
  const reviewer: WorkflowActor = { userId: 'u-reviewer', role: 'reviewer' };
  const codeOf = (state: BudgetState, action: WorkflowAction, actor: WorkflowActor, context: Partial<WorkflowContext>) => {
    const result = transition(state, action, actor, { ...clean, ...context });
    return result.ok ? `ok:${result.next}` : result.error.code;
  };

  it('a submission with errors is refused; warnings alone do not count as errors', () => {
    expect(codeOf('draft', 'submit', preparer, { errorCount: 2 })).toBe('SUBMISSION_HAS_ERRORS');
    expect(codeOf('returned', 'submit', preparer, { errorCount: 1 })).toBe('SUBMISSION_HAS_ERRORS');
    expect(codeOf('draft', 'submit', preparer, { errorCount: 0 })).toBe('ok:submitted');
  });

  it('preparers and publishers act only on their own department', () => {
    expect(codeOf('draft', 'submit', { ...preparer, departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
    expect(codeOf('draft', 'submit', { userId: 'u', role: 'preparer' }, {})).toBe('OUT_OF_SCOPE');
    expect(codeOf('submitted', 'withdraw', { ...preparer, departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
    expect(codeOf('approved', 'publish', { ...actorOf('publisher'), departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
    expect(codeOf('published', 'revise', { ...actorOf('publisher'), departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
  });

  it('the department check comes before the state, so another department learns nothing', () => {
    expect(codeOf('published', 'submit', { ...preparer, departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
  });

  it('reviewers act only within their scope; no scope means none', () => {
    expect(codeOf('submitted', 'approve', reviewer, { reviewerScope: ['019001', '020001'] })).toBe('ok:approved');
    expect(codeOf('submitted', 'approve', reviewer, { reviewerScope: ['020001'] })).toBe('OUT_OF_SCOPE');
    expect(codeOf('submitted', 'return', reviewer, { reviewerScope: [] })).toBe('OUT_OF_SCOPE');
    expect(codeOf('submitted', 'return', reviewer, { reviewerScope: undefined })).toBe('OUT_OF_SCOPE');
  });

  it('a return needs a reason, which the preparers are told', () => {
    expect(codeOf('submitted', 'return', reviewer, { reason: undefined })).toBe('RETURN_REASON_REQUIRED');
    expect(codeOf('submitted', 'return', reviewer, { reason: '  ' })).toBe('RETURN_REASON_REQUIRED');
    expect(transition('submitted', 'return', reviewer, { ...clean, reason: ' 补充测算依据 ' })).toEqual({
      ok: true,
      next: 'returned',
      round: 'final',
      stageIndex: null,
      effects: [{ type: 'unfreeze-revision' }, { type: 'notify', who: 'preparers', reason: '补充测算依据' }],
    });
  });

  it('the approver is never the submitter nor anyone who edited the revision', () => {
    expect(codeOf('submitted', 'approve', reviewer, { submitterId: 'u-reviewer' })).toBe('APPROVER_IS_SUBMITTER');
    expect(codeOf('submitted', 'approve', reviewer, { editorIds: ['u-preparer', 'u-reviewer'] })).toBe('APPROVER_EDITED_REVISION');
    expect(codeOf('submitted', 'approve', reviewer, { submitterId: undefined, editorIds: [] })).toBe('ok:approved');
  });

  it('a submission over an issued ceiling is refused with each exceeded ceiling and by how much', () => {
    const over = { ceiling: 'project', name: '项目支出', ceilingFen: 100 as Fen, amountFen: 150 as Fen, excessFen: 50 as Fen };
    const result = transition('draft', 'submit', preparer, { ...clean, ceilingExcesses: [over] });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'OVER_CEILING', details: { guard: 'withinCeilings', exceeded: [over] } }) });
    expect(codeOf('returned', 'submit', preparer, { ceilingExcesses: [over] })).toBe('OVER_CEILING');
    expect(codeOf('draft', 'submit', preparer, { ceilingExcesses: [] })).toBe('ok:submitted');
  });

  it('refusals carry a message that says why', () => {
    const result = transition('published', 'withdraw', preparer, clean);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('a budget in state published (round final) cannot be withdrawn (only from submitted)');
  });
});

describe('the chain', () => {
  const reviewer = (office?: ActorOffice): WorkflowActor => ({ userId: 'u-reviewer', role: 'reviewer', ...(office === undefined ? {} : { office }) });
  const business: ActorOffice = { code: 'yewu-1', kind: 'business', departmentCodes: ['019001'] };
  const otherBusiness: ActorOffice = { code: 'yewu-2', kind: 'business', departmentCodes: ['020001'] };
  const budgetOffice: ActorOffice = { code: 'yusuanke', kind: 'budget', departmentCodes: ['019001', '020001'] };
  const stages: Record<string, ReviewStage> = {
    scope: { key: 'a', name: '财政局审核', role: 'reviewer', office: { by: 'scope' } },
    kind: { key: 'b', name: '业务科室审核', role: 'reviewer', office: { by: 'kind', kind: 'business' } },
    office: { key: 'c', name: '预算科审核', role: 'reviewer', office: { by: 'office', code: 'yusuanke' } },
  };
  const approveAt = (stage: ReviewStage, actor: WorkflowActor, context: Partial<WorkflowContext> = {}) => {
    const result = transition('submitted', 'approve', actor, { ...clean, stage: { index: 0, count: 2, stage }, ...context });
    return result.ok ? 'ok' : result.error.code;
  };

  // stage × actor's office: who the stage names acts, everyone else is told it is not their stage.
  it.each([
    ['scope', undefined, 'ok'],
    ['scope', business, 'ok'],
    ['kind', undefined, 'NOT_YOUR_STAGE'],
    ['kind', business, 'ok'],
    ['kind', otherBusiness, 'NOT_YOUR_STAGE'],
    ['kind', budgetOffice, 'NOT_YOUR_STAGE'],
    ['office', business, 'NOT_YOUR_STAGE'],
    ['office', budgetOffice, 'ok'],
    ['office', undefined, 'NOT_YOUR_STAGE'],
  ] as const)('a %s stage, a reviewer of %j → %s', (stage, office, outcome) => {
    expect(approveAt(stages[stage]!, reviewer(office))).toBe(outcome);
  });

  it('a reviewer out of scope learns nothing, not even whose stage it is', () => {
    expect(approveAt(stages['office']!, reviewer(business), { reviewerScope: [] })).toBe('OUT_OF_SCOPE');
  });

  it('下达控制数 needs the 预算科’s opinion, as an approval does, and the figures filled in', () => {
    const proposal = { ...clean, round: 'proposal' as const, stage: { index: 0, count: 1, stage: PROPOSAL_STAGE } };
    const issue = (opinion: string | undefined, figures: Partial<WorkflowContext> = {}) => {
      const decision = transition('submitted', 'issue-ceilings', reviewer(budgetOffice), { ...proposal, opinion, ...figures });
      return decision.ok ? 'ok' : decision.error.code;
    };
    expect([issue(undefined), issue('  '), issue('按控制数编制二上')]).toEqual(['OPINION_REQUIRED', 'OPINION_REQUIRED', 'ok']);
    expect([issue('按控制数编制二上', { ceilingsSet: false }), issue('按控制数编制二上', { ceilingsSet: undefined })]).toEqual(['CEILINGS_NOT_SET', 'CEILINGS_NOT_SET']);
  });

  it('approving needs an opinion; the last stage also the 批复 number and a real date', () => {
    const last = (context: Partial<WorkflowContext>) => approveAt(stages['kind']!, reviewer(business), { stage: { index: 1, count: 2, stage: stages['kind']! }, ...context });
    expect(approveAt(stages['kind']!, reviewer(business), { opinion: undefined })).toBe('OPINION_REQUIRED');
    expect(approveAt(stages['kind']!, reviewer(business), { opinion: ' ', reply: {} })).toBe('OPINION_REQUIRED');
    expect(approveAt(stages['kind']!, reviewer(business), { reply: {} })).toBe('ok');
    expect(last({ reply: {} })).toBe('REPLY_REQUIRED');
    expect(last({ reply: { documentNo: '硚财预〔2020〕1号' } })).toBe('REPLY_REQUIRED');
    expect(last({ reply: { documentNo: '硚财预〔2020〕1号', date: '2020-13-01' } })).toBe('REPLY_REQUIRED');
    expect(last({ reply: { documentNo: ' ', date: '2020-02-20' } })).toBe('REPLY_REQUIRED');
    expect(last({})).toBe('ok');
  });

  it('a correction needs a reason', () => {
    const revise = transition('published', 'revise', actorOf('preparer'), { ...clean, round: 'replied', reason: '  ' });
    expect(revise.ok ? 'ok' : revise.error.code).toBe('REVISE_REASON_REQUIRED');
  });

  it('issuing ceilings keeps the proposal and hands the budget back for its 二上', () => {
    expect(transition('submitted', 'issue-ceilings', reviewer(budgetOffice), { ...clean, round: 'proposal', stage: { index: 0, count: 1, stage: PROPOSAL_STAGE } })).toEqual({
      ok: true,
      next: 'draft',
      round: 'ceilings',
      stageIndex: null,
      effects: [{ type: 'unfreeze-revision' }, { type: 'keep-proposal' }, { type: 'notify', who: 'preparers' }],
    });
    const business1 = transition('submitted', 'issue-ceilings', reviewer(business), { ...clean, round: 'proposal', stage: { index: 0, count: 1, stage: PROPOSAL_STAGE } });
    expect(business1.ok ? 'ok' : business1.error.code).toBe('NOT_YOUR_STAGE');
  });
});

describe('审签 (sign-off before publication)', () => {
  const signer: WorkflowActor = { userId: 'u-signer', role: 'signer' };
  const publisher = actorOf('publisher');
  const approved: WorkflowContext = { ...clean, round: 'replied', stage: undefined };
  const codeOf = (action: WorkflowAction, actor: WorkflowActor, context: Partial<WorkflowContext>) => {
    const result = transition('approved', action, actor, { ...approved, ...context });
    return result.ok ? `ok:${result.next}` : result.error.code;
  };

  it('a signer in scope signs the approved revision off with an opinion; it stays approved and the publishers hear of it', () => {
    expect(transition('approved', 'sign-off', signer, approved)).toEqual({
      ok: true,
      next: 'approved',
      round: 'replied',
      stageIndex: null,
      effects: [{ type: 'record-sign-off' }, { type: 'notify', who: 'publishers' }],
    });
    expect(codeOf('sign-off', signer, { opinion: ' ' })).toBe('OPINION_REQUIRED');
    expect(codeOf('sign-off', signer, { opinion: undefined })).toBe('OPINION_REQUIRED');
    expect(codeOf('sign-off', signer, { reviewerScope: ['020001'] })).toBe('OUT_OF_SCOPE');
    expect(codeOf('sign-off', signer, { signedOffBy: 'u-signer' })).toBe('ALREADY_SIGNED_OFF');
    expect(codeOf('sign-off', signer, { signedOffBy: 'u-other-signer' })).toBe('ALREADY_SIGNED_OFF');
  });

  it('nobody but a signer signs off, and only an approved budget', () => {
    for (const role of ['preparer', 'reviewer', 'publisher', 'admin'] as const) expect(codeOf('sign-off', actorOf(role), {})).toBe('ROLE_NOT_ALLOWED');
    const published = transition('published', 'sign-off', signer, approved);
    expect(published.ok ? 'ok' : published.error.code).toBe('INVALID_TRANSITION');
  });

  it('where the policy requires it, publish waits for the sign-off; the publisher is never the signer', () => {
    expect(codeOf('publish', publisher, { signOffRequired: true })).toBe('SIGN_OFF_REQUIRED');
    expect(codeOf('publish', publisher, { signOffRequired: true, signedOffBy: 'u-signer' })).toBe('ok:published');
    expect(codeOf('publish', publisher, { signOffRequired: false })).toBe('ok:published');
    expect(codeOf('publish', publisher, { signOffRequired: true, signedOffBy: publisher.userId })).toBe('PUBLISHER_IS_SIGNER');
    // a sign-off given though not required still binds: its signer does not publish
    expect(codeOf('publish', publisher, { signOffRequired: false, signedOffBy: publisher.userId })).toBe('PUBLISHER_IS_SIGNER');
  });

  it('a publisher of another department learns nothing of the sign-off', () => {
    expect(codeOf('publish', { ...publisher, departmentCode: '019002' }, { signOffRequired: true })).toBe('OUT_OF_SCOPE');
  });
});

describe('guardsFor', () => {
  it('asks for the 批复 only at the last stage of the 二上', () => {
    const at = (round: BudgetRound, index: number) => guardsFor('submitted', 'approve', 'reviewer', { round, stage: { index, count: 2, stage: STAGE } });
    expect(at('final', 1)).toContain('replyGiven');
    expect(at('final', 0)).not.toContain('replyGiven');
    expect(at('final', 0)).toContain('opinionGiven');
    expect(at('replied', 1)).not.toContain('replyGiven');
    expect(guardsFor('draft', 'approve', 'reviewer', { round: 'final' })).toEqual([]);
  });
});

describe('effects', () => {
  it.each([
    ['draft', 'submit', 'preparer', [{ type: 'freeze-revision' }, { type: 'notify', who: 'reviewers' }]],
    ['submitted', 'withdraw', 'preparer', [{ type: 'unfreeze-revision' }, { type: 'notify', who: 'reviewers' }]],
    ['submitted', 'approve', 'reviewer', [{ type: 'record-reply' }, { type: 'notify', who: 'preparers' }, { type: 'notify', who: 'publishers' }]],
    ['approved', 'publish', 'publisher', [{ type: 'render-publication' }, { type: 'notify', who: 'preparers' }]],
    ['published', 'revise', 'preparer', [{ type: 'open-revision' }]],
  ] as const)('%s + %s by %s', (state, action, role, effects) => {
    const round = state === 'approved' || state === 'published' ? 'replied' : 'final';
    expect(transition(state, action, actorOf(role), { ...clean, round })).toEqual(expect.objectContaining({ ok: true, effects }));
  });
});

describe('canEdit', () => {
  it.each([
    ['draft', true],
    ['returned', true],
    ['submitted', false],
    ['approved', false],
    ['published', false],
  ] as const)('%s → %s', (state, editable) => {
    expect(canEdit(state)).toBe(editable);
  });
});

describe('单位预算 (a unit budget, reviewed and consolidated by its department)', () => {
  const unitStage = { index: 0, count: 1, stage: UNIT_REVIEW_STAGE };
  const unitContext: WorkflowContext = { ...clean, round: 'unit', unitCode: '019001002', stage: unitStage, reviewerScope: ['019001'], departmentBudgetState: 'draft' };
  const unitPreparer: WorkflowActor = { userId: 'u-unit', role: 'preparer', departmentCode: '019001', unitCode: '019001002' };
  const departmentPreparer: WorkflowActor = { userId: 'u-dept', role: 'preparer', departmentCode: '019001' };
  const departmentReviewer: WorkflowActor = { userId: 'u-leader', role: 'department_reviewer', departmentCode: '019001' };
  const outcome = (state: BudgetState, action: WorkflowAction, actor: WorkflowActor, context: WorkflowContext) => {
    const result = transition(state, action, actor, context);
    return result.ok ? `ok:${result.next}` : result.error.code;
  };

  it("only the unit's own preparers submit it; a unit's preparer acts on no department budget", () => {
    expect(outcome('draft', 'submit', unitPreparer, unitContext)).toBe('ok:submitted');
    expect(outcome('draft', 'submit', departmentPreparer, unitContext)).toBe('OUT_OF_SCOPE');
    expect(outcome('draft', 'submit', { ...unitPreparer, unitCode: '019001003' }, unitContext)).toBe('OUT_OF_SCOPE');
    expect(outcome('draft', 'submit', unitPreparer, { ...clean, round: 'ceilings' })).toBe('OUT_OF_SCOPE');
  });

  it("the department's reviewer approves with an opinion, and the approval consolidates the unit", () => {
    const approved = transition('submitted', 'approve', departmentReviewer, unitContext);
    expect(approved).toEqual(expect.objectContaining({ ok: true, next: 'approved', round: 'unit', stageIndex: null }));
    expect(approved.ok && approved.effects.map((e) => e.type)).toContain('consolidate-unit');
    expect(outcome('submitted', 'approve', departmentReviewer, { ...unitContext, opinion: ' ' })).toBe('OPINION_REQUIRED');
    expect(outcome('submitted', 'approve', { ...departmentReviewer, userId: 'u-preparer' }, unitContext)).toBe('APPROVER_IS_SUBMITTER');
  });

  it('another department’s reviewer, and the bureau’s reviewers, do not review a unit budget', () => {
    expect(outcome('submitted', 'approve', { ...departmentReviewer, departmentCode: '019002' }, { ...unitContext, reviewerScope: ['019002'] })).toBe('OUT_OF_SCOPE');
    expect(outcome('submitted', 'approve', { userId: 'u-bureau', role: 'reviewer' }, { ...unitContext, reviewerScope: 'all' })).toBe('INVALID_TRANSITION');
    expect(outcome('submitted', 'return', { userId: 'u-bureau', role: 'reviewer' }, { ...unitContext, reviewerScope: 'all' })).toBe('INVALID_TRANSITION');
  });

  it("a unit's figures change in the department budget only while it is a draft or returned", () => {
    for (const state of ['submitted', 'approved', 'published'] as const) {
      const result = transition('submitted', 'approve', departmentReviewer, { ...unitContext, departmentBudgetState: state });
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'DEPARTMENT_BUDGET_LOCKED', details: expect.objectContaining({ departmentBudgetState: state }) }) });
    }
    expect(outcome('approved', 'return', departmentReviewer, { ...unitContext, departmentBudgetState: 'returned' })).toBe('ok:returned');
    expect(outcome('approved', 'return', departmentReviewer, { ...unitContext, departmentBudgetState: 'submitted' })).toBe('DEPARTMENT_BUDGET_LOCKED');
    expect(outcome('approved', 'return', departmentReviewer, { ...unitContext, reason: '' })).toBe('RETURN_REASON_REQUIRED');
  });

  it("the department's publisher publishes an approved unit budget where the template has a 单位 scope, after the 部门预算's 批复", () => {
    const publisher: WorkflowActor = { userId: 'u-pub', role: 'publisher', departmentCode: '019001' };
    const replied: WorkflowContext = { ...unitContext, unitScope: true, departmentRepliedOn: '2020-02-20' };
    expect(outcome('approved', 'publish', publisher, replied)).toBe('ok:published');
    expect(outcome('approved', 'publish', publisher, { ...replied, unitScope: false })).toBe('NO_UNIT_SCOPE');
    const { departmentRepliedOn: _replied, ...unreplied } = replied;
    expect(outcome('approved', 'publish', publisher, unreplied)).toBe('DEPARTMENT_NOT_REPLIED');
    expect(outcome('approved', 'publish', publisher, { ...replied, signOffRequired: true })).toBe('SIGN_OFF_REQUIRED');
    // Another department's publisher, or someone of a unit, publishes nothing of it.
    expect(outcome('approved', 'publish', { ...publisher, departmentCode: '019002' }, replied)).toBe('OUT_OF_SCOPE');
    expect(outcome('approved', 'publish', { ...publisher, unitCode: '019001002' }, replied)).toBe('OUT_OF_SCOPE');
    // The 部门预算 is still its own department's to publish.
    expect(outcome('approved', 'publish', publisher, { ...clean, round: 'replied' })).toBe('ok:published');
    expect(outcome('approved', 'publish', { ...publisher, departmentCode: '019002' }, { ...clean, round: 'replied' })).toBe('OUT_OF_SCOPE');
  });

  describe("更正 of a published 单位预算: its disclosure only, the 部门预算's approved figures untouched", () => {
    const publisher: WorkflowActor = { userId: 'u-pub', role: 'publisher', departmentCode: '019001' };
    // A unit is published after its 部门预算's 批复: the department budget is approved (or published) throughout.
    const correcting: WorkflowContext = { ...unitContext, correcting: true, departmentBudgetState: 'approved' };
    const { stage: _stage, ...outOfReview } = unitContext;

    it("the unit's preparers or the department's publisher reopen it as a draft in the unit round, with a reason", () => {
      for (const actor of [unitPreparer, publisher]) {
        expect(transition('published', 'revise', actor, { ...outOfReview, reason: '单位职能表述有误' })).toEqual({ ok: true, next: 'draft', round: 'unit', stageIndex: null, effects: [{ type: 'open-revision' }] });
        expect(outcome('published', 'revise', actor, { ...unitContext, reason: ' ' })).toBe('REVISE_REASON_REQUIRED');
      }
      // Not another unit's preparer, the department's own preparer, a unit's publisher or another department's.
      for (const actor of [{ ...unitPreparer, unitCode: '019001003' }, departmentPreparer, { ...publisher, unitCode: '019001002' }, { ...publisher, departmentCode: '019002' }]) {
        expect(outcome('published', 'revise', actor, unitContext)).toBe('OUT_OF_SCOPE');
      }
    });

    it('its submission keeps the figures consolidated into the 部门预算; a changed line, income or project is refused', () => {
      expect(outcome('draft', 'submit', unitPreparer, { ...correcting, unitPartChanged: false })).toBe('ok:submitted');
      expect(transition('returned', 'submit', unitPreparer, { ...correcting, unitPartChanged: true })).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNIT_PART_CHANGED' }) });
      // before its first publication a unit's figures are the department's to take in (审核汇总)
      expect(outcome('draft', 'submit', unitPreparer, { ...unitContext, unitPartChanged: true })).toBe('ok:submitted');
    });

    it("its approval consolidates nothing, so it needs no open 部门预算, and the publishers hear of it to publish version 2", () => {
      for (const departmentBudgetState of ['approved', 'published', 'draft'] as const) {
        expect(transition('submitted', 'approve', departmentReviewer, { ...correcting, departmentBudgetState })).toEqual({
          ok: true,
          next: 'approved',
          round: 'unit',
          stageIndex: null,
          effects: [{ type: 'notify', who: 'preparers' }, { type: 'notify', who: 'publishers' }],
        });
      }
      expect(outcome('submitted', 'approve', departmentReviewer, { ...correcting, opinion: '' })).toBe('OPINION_REQUIRED');
      expect(outcome('submitted', 'approve', { ...departmentReviewer, userId: 'u-preparer' }, correcting)).toBe('APPROVER_IS_SUBMITTER');
      expect(outcome('submitted', 'return', departmentReviewer, correcting)).toBe('ok:returned');
      expect(outcome('submitted', 'return', departmentReviewer, { ...correcting, reason: '' })).toBe('RETURN_REASON_REQUIRED');
      // The first approval of a unit still consolidates, and only into an open 部门预算.
      expect(outcome('submitted', 'approve', departmentReviewer, { ...correcting, correcting: false })).toBe('DEPARTMENT_BUDGET_LOCKED');
    });

    it('offers the department reviewer what it may do with a correction, and the correction its publication', () => {
      expect(actionsFor('submitted', 'department_reviewer', { round: 'unit', stage: unitStage, correcting: true })).toEqual(['return', 'approve']);
      expect(actionsFor('published', 'publisher', { round: 'unit' })).toEqual(['revise']);
      expect(actionsFor('published', 'preparer', { round: 'unit' })).toEqual(['revise']);
      expect(outcome('approved', 'publish', publisher, { ...correcting, unitScope: true, departmentRepliedOn: '2020-02-20' })).toBe('ok:published');
    });
  });

  it('the department budget goes to the bureau only when every unit budget is approved, naming those pending', () => {
    const pending = [{ code: '019001002', name: '硚口区政务数据中心', state: 'submitted' as const }];
    for (const round of ['ceilings', 'proposal'] as const) {
      const result = transition('draft', 'submit', departmentPreparer, { ...clean, round, pendingUnits: pending });
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNITS_NOT_APPROVED', details: expect.objectContaining({ pending }) }) });
      expect(result.ok || result.error.message).toContain('硚口区政务数据中心 (submitted)');
    }
    expect(outcome('draft', 'submit', departmentPreparer, { ...clean, round: 'ceilings', pendingUnits: [] })).toBe('ok:submitted');
  });
});
