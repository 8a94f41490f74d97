import type { EntityManager } from 'typeorm';
import type { TBudgetRow } from './budget-row';
import type { BudgetsRepository } from './budgets.repository';

/** How many budgets' unit codes a process keeps (a few dozen codes each). */
const KEPT = 256;

/**
 * The codes of a budget's units, which every line edit checks its lines against. They are part of
 * the document's rest, which only an import replaces (and the import stamps `lines_replaced_in`
 * in the same transaction): kept per budget and stamp, an edit reads them from the database once
 * per import instead of unpacking the document on every edit.
 */
export class BudgetUnitCodes {
  private readonly kept = new Map<string, { replacedIn: number; codes: ReadonlySet<string> }>();

  constructor(private readonly budgets: BudgetsRepository) {}

  async of(m: EntityManager, budget: Pick<TBudgetRow, 'id' | 'lines_replaced_in'>): Promise<ReadonlySet<string>> {
    const hit = this.kept.get(budget.id);
    this.kept.delete(budget.id);
    const codes = hit !== undefined && hit.replacedIn === budget.lines_replaced_in ? hit.codes : await this.budgets.unitCodes(m, budget.id);
    // Re-inserted last: the Map's order is the recency order.
    this.kept.set(budget.id, { replacedIn: budget.lines_replaced_in, codes });
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value as string);
    return codes;
  }
}
