import type { TExpenditureLine } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import type { BudgetLinesRepository } from './budget-lines.repository';
import { toExpenditureLine } from './mappers/budget-document.mapper';

/** Where a budget's lines stand, as the derivation's snapshot reads them from the budget row. */
export interface TLinesVersion {
  budgetId: string;
  version: number;
  /** The version whose import replaced every line (budgets.lines_replaced_in). */
  replacedIn: number;
}

interface TSnapshot {
  version: number;
  /** Keyed by line id, in the budget's order: an update keeps a line's place, a new line comes last, as ordinals do. */
  lines: Map<string, TExpenditureLine>;
}

/** How many budgets' lines a process keeps (a 10,000-line budget is a few MB). */
const KEPT_BUDGETS = 8;

/**
 * The expenditure lines of the budgets a process derived last, each as of a version. An edit
 * touches a few lines of thousands, so bringing the kept lines up to a newer version reads only
 * the lines written and removed since (each line carries the version that last wrote it): a
 * recompute after an edit costs no read of the whole budget. An import replaces every line, so
 * lines kept from before it are dropped.
 */
export class LineSnapshots {
  private readonly kept = new Map<string, TSnapshot>();

  constructor(private readonly lines: BudgetLinesRepository) {}

  /** The lines at `at.version`; `m` must read one snapshot in which the budget is at that version. */
  async linesAt(m: EntityManager, at: TLinesVersion): Promise<TExpenditureLine[]> {
    const base = this.kept.get(at.budgetId);
    if (base === undefined || base.version < at.replacedIn || base.version > at.version) return this.readAll(m, at);
    const from = base.version;
    if (from < at.version) {
      const removed = await this.lines.removedExpenditureSince(m, at.budgetId, from);
      const changed = await this.lines.loadExpenditureChangedSince(m, at.budgetId, from);
      // Another derivation of this budget moved the snapshot while we read: ours is of another version.
      if (this.kept.get(at.budgetId) !== base || base.version !== from) return this.readAll(m, at);
      for (const id of removed) base.lines.delete(id);
      for (const row of changed) base.lines.set(row.line_id, toExpenditureLine(row));
      base.version = at.version;
    }
    this.keep(at.budgetId, base);
    return [...base.lines.values()];
  }

  private async readAll(m: EntityManager, at: TLinesVersion): Promise<TExpenditureLine[]> {
    const lines = (await this.lines.loadExpenditure(m, at.budgetId)).map(toExpenditureLine);
    const kept = this.kept.get(at.budgetId);
    if (kept === undefined || kept.version <= at.version) this.keep(at.budgetId, { version: at.version, lines: new Map(lines.map((l) => [l.id, l])) });
    return lines;
  }

  private keep(budgetId: string, snapshot: TSnapshot): void {
    // Re-inserting moves the entry to the end: the Map's order is the recency order.
    this.kept.delete(budgetId);
    this.kept.set(budgetId, snapshot);
    if (this.kept.size > KEPT_BUDGETS) this.kept.delete(this.kept.keys().next().value as string);
  }
}
