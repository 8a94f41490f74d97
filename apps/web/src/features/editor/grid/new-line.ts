import type { TBudgetDocument, TExpenditureLine } from '@budgetflow/domain';
import { newLineId } from '../working-copy';

/** A new line like `template` (the row above), amount 0, or the budget's first unit's when there is none. */
export function newLineLike(
  template: TExpenditureLine | undefined,
  document: Pick<TBudgetDocument, 'department'>,
): TExpenditureLine {
  return {
    id: newLineId(),
    unitCode: template?.unitCode ?? document.department.units[0]?.code ?? '',
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
