import type { TBudgetDocument, TExpenditureLine } from '@budgetflow/domain';
import { newLineId } from '../working-copy';

/**
 * A new line like `template` (the row above), amount 0, or the budget's first unit's when there is
 * none. Never in a unit whose lines are read-only here (`lockedUnits`): then in the first unit open.
 */
export function newLineLike(
  template: TExpenditureLine | undefined,
  document: Pick<TBudgetDocument, 'department'>,
  lockedUnits?: ReadonlyMap<string, string>,
): TExpenditureLine {
  const open = (code: string | undefined) => (code === undefined || lockedUnits?.has(code) === true ? undefined : code);
  const firstOpen = document.department.units.find((u) => open(u.code) !== undefined)?.code;
  return {
    id: newLineId(),
    unitCode: open(template?.unitCode) ?? firstOpen ?? document.department.units[0]?.code ?? '',
    functionCode: template?.functionCode ?? '',
    economicCode: template?.economicCode ?? '',
    kind: template?.kind ?? 'basic-public',
    ...(template?.kind === 'project' && template.projectId !== undefined
      ? { projectId: template.projectId }
      : {}),
    fundSource: template?.fundSource ?? 'general-budget-appropriation',
    amount: '0.00',
  };
}
