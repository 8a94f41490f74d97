import { DomainError } from '../errors';
import type { BudgetRound } from './review-chain';
import { GUARDS, type GuardName } from './workflow-guards';
import { WORKFLOW_TRANSITIONS, type StageCondition, type TransitionRule } from './workflow-transitions';
import type { BudgetState, Role, WorkflowAction, WorkflowActor, WorkflowContext, WorkflowEffect } from './workflow.types';

export type TransitionResult =
  | {
      ok: true;
      next: BudgetState;
      round: BudgetRound;
      /** the stage the budget waits on next (an index into its chain); null: out of review */
      stageIndex: number | null;
      effects: WorkflowEffect[];
    }
  | { ok: false; error: DomainError };

const SCOPE_GUARDS: readonly GuardName[] = ['ownDepartment', 'inReviewScope', 'departmentOfUnit'];

/**
 * Decides one workflow step. Checks who may act (role, then department or review scope) before
 * the state, so that nothing about another department's budget leaks; then the row of the table
 * for the state, round and stage position, then its other guards in the order it lists them.
 * Pure: the caller stores the state and runs the effects.
 */
export function transition(state: BudgetState, action: WorkflowAction, actor: WorkflowActor, context: WorkflowContext): TransitionResult {
  const rules = WORKFLOW_TRANSITIONS.filter((r) => r.action === action);
  if (rules.length === 0) throw new DomainError('INVALID_TRANSITION', `unknown workflow action: ${String(action)}`, { action });
  const roles = [...new Set(rules.flatMap((r) => r.roles))];
  if (!roles.includes(actor.role)) {
    return refuse('ROLE_NOT_ALLOWED', `a ${actor.role} may not ${action} a budget (allowed: ${roles.join(', ')})`, { action, role: actor.role });
  }
  // Who may act is the role's rows' of the budget's round (a unit's 单位预算 is published by its
  // department's publisher, the 部门预算 by its own); every row's when the round has none.
  const ofRound = rules.filter((r) => r.roles.includes(actor.role) && (r.rounds === undefined || r.rounds.includes(context.round)));
  const scopeGuards = [...new Set((ofRound.length > 0 ? ofRound : rules).flatMap((r) => r.guards).filter((g) => SCOPE_GUARDS.includes(g)))];
  const scopeFailure = firstFailure(scopeGuards, actor, context);
  if (scopeFailure) return scopeFailure;
  const rule = rules.find((r) => r.roles.includes(actor.role) && applies(r, state, context));
  if (rule === undefined) {
    const from = [...new Set(rules.flatMap((r) => r.from))];
    return refuse('INVALID_TRANSITION', `a budget in state ${state} (round ${context.round}) cannot be ${PAST_TENSE[action]} (only from ${from.join(' or ')})`, {
      action,
      state,
      round: context.round,
    });
  }
  const failure = firstFailure(
    rule.guards.filter((g) => !SCOPE_GUARDS.includes(g)),
    actor,
    context,
  );
  if (failure) return failure;
  const effects = rule.effects.map((effect) =>
    action === 'return' && effect.type === 'notify' ? { ...effect, reason: (context.reason ?? '').trim() } : { ...effect },
  );
  return { ok: true, next: rule.to, round: rule.toRound ?? context.round, stageIndex: nextStage(rule, context), effects };
}

/** Draft and returned revisions are editable; submitted, approved and published ones are frozen. */
export function canEdit(state: BudgetState): boolean {
  return state === 'draft' || state === 'returned';
}

/**
 * The actions a role may take from a state, before guards: what a client offers as buttons.
 * Given the round (and the stage position while in review), only the rows that apply there.
 */
export function actionsFor(state: BudgetState, role: Role, where?: Where): WorkflowAction[] {
  const rows = WORKFLOW_TRANSITIONS.filter((r) => r.roles.includes(role) && (where === undefined ? r.from.includes(state) : applies(r, state, where)));
  return [...new Set(rows.map((r) => r.action))];
}

/**
 * The guards the applying row of an action lists, before any is checked: what a client must ask
 * for (e.g. `replyGiven`: the 批复 form at the last stage). Empty when no row applies.
 */
export function guardsFor(state: BudgetState, action: WorkflowAction, role: Role, where: Where): readonly GuardName[] {
  return WORKFLOW_TRANSITIONS.find((r) => r.action === action && r.roles.includes(role) && applies(r, state, where))?.guards ?? [];
}

/** Where a budget is, as the rows of the table read it: its round, its stage, whether it is a unit's 更正. */
type Where = Pick<WorkflowContext, 'round' | 'stage' | 'correcting'>;

function applies(rule: TransitionRule, state: BudgetState, where: Where): boolean {
  return (
    rule.from.includes(state) &&
    (rule.rounds === undefined || rule.rounds.includes(where.round)) &&
    (rule.at === undefined || rule.at === positionOf(where)) &&
    (rule.correction === undefined || rule.correction === (where.correcting === true))
  );
}

/** A budget in review without a stage (one submitted before chains existed) is at its only, last stage. */
function positionOf({ stage }: Pick<WorkflowContext, 'stage'>): StageCondition {
  return stage === undefined || stage.index >= stage.count - 1 ? 'last-stage' : 'before-last-stage';
}

function nextStage(rule: TransitionRule, context: WorkflowContext): number | null {
  switch (rule.stage) {
    case 'enter':
      return 0;
    case 'advance':
      return (context.stage?.index ?? 0) + 1;
    case 'leave':
      return null;
    case undefined:
      return context.stage?.index ?? null;
  }
}

function firstFailure(guards: readonly GuardName[], actor: WorkflowActor, context: WorkflowContext): TransitionResult | undefined {
  for (const name of guards) {
    const guard = GUARDS[name];
    if (!guard.holds(actor, context)) return refuse(guard.error, guard.message(actor, context), { guard: name, ...guard.details?.(context) });
  }
  return undefined;
}

function refuse(code: DomainError['code'], message: string, details: Record<string, unknown>): TransitionResult {
  return { ok: false, error: new DomainError(code, message, details) };
}

const PAST_TENSE: Readonly<Record<WorkflowAction, string>> = {
  submit: 'submitted',
  withdraw: 'withdrawn',
  return: 'returned',
  approve: 'approved',
  publish: 'published',
  revise: 'revised',
  'issue-ceilings': 'answered with ceilings',
  adjust: 'adjusted',
  'sign-off': 'signed off',
};
