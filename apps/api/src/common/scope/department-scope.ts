import { TCaller } from '../auth/caller';
import { notFound } from '../errors/app-error';

/**
 * Which departments' objects a caller may see:
 * admin → all; reviewer and signer → all or the assigned ones; preparer, publisher and department
 * reviewer → their own only (a unit's preparer: their unit's budgets, see budget-visibility.ts);
 * security_admin and auditor → none.
 * Every repository query that returns department data takes this scope.
 */
export type TDepartmentScope = { readonly all: true } | { readonly all: false; readonly departmentIds: readonly string[] };

export function departmentScope(caller: TCaller): TDepartmentScope {
  switch (caller.role) {
    case 'admin':
      return { all: true };
    case 'reviewer':
    case 'signer':
      return caller.reviewDepartmentIds === 'all' ? { all: true } : { all: false, departmentIds: caller.reviewDepartmentIds };
    case 'preparer':
    case 'publisher':
    case 'department_reviewer':
      return { all: false, departmentIds: caller.departmentId === null ? [] : [caller.departmentId] };
    case 'security_admin':
    case 'auditor':
      // They take part in no budget: no department's objects (their routes refuse them anyway).
      return { all: false, departmentIds: [] };
  }
}

export function scopeIncludes(scope: TDepartmentScope, departmentId: string): boolean {
  return scope.all || scope.departmentIds.includes(departmentId);
}

/**
 * Use after loading an object by id: a foreign department's object answers exactly like a
 * missing one (404 NOT_FOUND), so ids of other departments cannot be probed.
 *   const budget = assertVisible(caller, await repo.findById(id), (b) => b.departmentId, 'Budget');
 */
export function assertVisible<T>(caller: TCaller, found: T | null | undefined, departmentOf: (t: T) => string, entity: string): T {
  if (found === null || found === undefined || !scopeIncludes(departmentScope(caller), departmentOf(found))) throw notFound(entity);
  return found;
}
