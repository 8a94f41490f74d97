import { DomainError } from '../errors';
import { GUARDS, type GuardName } from './workflow-guards';
import { WORKFLOW_TRANSITIONS, type TransitionRule } from './workflow-transitions';
import type { BudgetState, Role, WorkflowAction, WorkflowActor, WorkflowContext, WorkflowEffect } from './workflow.types';

export type TransitionResult = { ok: true; next: BudgetState; effects: WorkflowEffect[] } | { ok: false; error: DomainError };

const SCOPE_GUARDS: readonly GuardName[] = ['ownDepartment', 'inReviewScope'];

/**
 * Decides one workflow step. Checks who may act (role, then department or review scope) before
 * the state, so that nothing about another department's budget leaks; then the other guards in
 * the order the table lists them. Pure: the caller stores the state and runs the effects.
 */
export function transition(state: BudgetState, action: WorkflowAction, actor: WorkflowActor, context: WorkflowContext): TransitionResult {
  const rule = ruleFor(action);
  if (!rule.roles.includes(actor.role)) {
    return refuse('ROLE_NOT_ALLOWED', `a ${actor.role} may not ${action} a budget (allowed: ${rule.roles.join(', ')})`, { action, role: actor.role });
  }
  const scopeGuards = rule.guards.filter((g) => SCOPE_GUARDS.includes(g));
  const otherGuards = rule.guards.filter((g) => !SCOPE_GUARDS.includes(g));
  const scopeFailure = firstFailure(scopeGuards, actor, context);
  if (scopeFailure) return scopeFailure;
  if (!rule.from.includes(state)) {
    return refuse('INVALID_TRANSITION', `a budget in state ${state} cannot be ${PAST_TENSE[action]} (only from ${rule.from.join(' or ')})`, {
      action,
      state,
    });
  }
  const failure = firstFailure(otherGuards, actor, context);
  if (failure) return failure;
  const effects = rule.effects.map((effect) =>
    action === 'return' && effect.type === 'notify' ? { ...effect, reason: (context.reason ?? '').trim() } : { ...effect },
  );
  return { ok: true, next: rule.to, effects };
}

/** Draft and returned revisions are editable; submitted, approved and published ones are frozen. */
export function canEdit(state: BudgetState): boolean {
  return state === 'draft' || state === 'returned';
}

/** The actions a role may take from a state, before guards: what a client offers as buttons. */
export function actionsFor(state: BudgetState, role: Role): WorkflowAction[] {
  return WORKFLOW_TRANSITIONS.filter((r) => r.from.includes(state) && r.roles.includes(role)).map((r) => r.action);
}

function ruleFor(action: WorkflowAction): TransitionRule {
  const rule = WORKFLOW_TRANSITIONS.find((r) => r.action === action);
  if (!rule) throw new DomainError('INVALID_TRANSITION', `unknown workflow action: ${String(action)}`, { action });
  return rule;
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
};
