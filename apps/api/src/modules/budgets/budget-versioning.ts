import { BUDGET_STATES, canEdit } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { BudgetsRepository } from './budgets.repository';

/** States in which lines may change: the domain decides, the list only carries it into SQL. */
export const EDITABLE_STATES = BUDGET_STATES.filter(canEdit);

/**
 * The answer to a stale or misplaced edit: 409 with the budget's current version in `ETag` and in
 * the message, so the client can reload, merge and retry; nothing of the refused edit is stored.
 */
export async function versionConflict(budgets: BudgetsRepository, m: EntityManager, id: string, seen: number): Promise<AppError> {
  const current = await budgets.currentVersion(m, id);
  if (current === undefined) return new AppError('NOT_FOUND', 'Budget not found');
  if (current.version !== seen) {
    return new AppError('VERSION_CONFLICT', `The budget changed since version ${seen}; it is now at version ${current.version}`, undefined, {
      ETag: `"${current.version}"`,
    });
  }
  return new AppError('CONFLICT', `A ${current.state} budget cannot be edited`, undefined, { ETag: `"${current.version}"` });
}
