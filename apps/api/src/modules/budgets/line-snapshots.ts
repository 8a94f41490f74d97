import { LineTally, type LineAggregate, type TBudgetDocument, type TExpenditureLine } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import type { BudgetLinesRepository } from './budget-lines.repository';
import { toExpenditureLine } from './mappers/budget-document.mapper';

/** Where a budget's lines stand, as the derivation's snapshot reads them from the budget row. */
export interface TLinesVersion {
  budgetId: string;
  /** The budget's fiscal year: the partition of its lines. */
  fiscalYear: number;
  version: number;
  /** The version whose import replaced every line (budgets.lines_replaced_in). */
  replacedIn: number;
}

/** What a derivation is given: the lines in the budget's order and their aggregate with the income lines. */
export type TLinesUse<T> = (lines: TExpenditureLine[], aggregate: LineAggregate) => T;

interface TSnapshot {
  version: number;
  /** Keyed by line id, in the budget's order: an update keeps a line's place, a new line comes last, as ordinals do. */
  lines: Map<string, TExpenditureLine>;
  tally: LineTally;
}

/** How many budgets' lines a process keeps (a 10,000-line budget is a few MB). */
const KEPT_BUDGETS = 8;

/**
 * The expenditure lines of the budgets a process derived last, each as of a version, with their
 * running tally. An edit touches a few lines of thousands, so bringing the kept lines up to a newer
 * version reads only the lines written and removed since (each line carries the version that last
 * wrote it) and moves only those in and out of the tally: a recompute after an edit neither reads
 * nor sums the whole budget again. An import replaces every line, so lines kept from before it are
 * dropped. Ids are unique in a budget (the table's key), so the tally has no repeated ids to report.
 */
export class LineSnapshots {
  private readonly kept = new Map<string, TSnapshot>();

  constructor(private readonly lines: BudgetLinesRepository) {}

  /**
   * Gives `use` the lines at `at.version`; `m` must read one snapshot in which the budget is at that
   * version. `use` runs at once, before any other derivation can move the tally its aggregate reads.
   */
  async withLinesAt<T>(m: EntityManager, at: TLinesVersion, incomeLines: TBudgetDocument['incomeLines'], use: TLinesUse<T>): Promise<T> {
    const base = this.kept.get(at.budgetId);
    if (base === undefined || base.version < at.replacedIn || base.version > at.version) return this.readAll(m, at, incomeLines, use);
    const from = base.version;
    if (from < at.version) {
      const removed = await this.lines.removedExpenditureSince(m, at.budgetId, from);
      const changed = await this.lines.loadExpenditureChangedSince(m, { id: at.budgetId, fiscal_year: at.fiscalYear }, from);
      // Another derivation of this budget moved the snapshot while we read: ours is of another version.
      if (this.kept.get(at.budgetId) !== base || base.version !== from) return this.readAll(m, at, incomeLines, use);
      try {
        this.patch(base, removed, changed.map(toExpenditureLine));
      } catch (error) {
        // Half patched, the snapshot is of no version at all: the next derivation reads all lines.
        this.kept.delete(at.budgetId);
        throw error;
      }
      base.version = at.version;
    }
    this.keep(at.budgetId, base);
    return use([...base.lines.values()], base.tally.aggregate(incomeLines));
  }

  private patch(snapshot: TSnapshot, removed: readonly string[], changed: readonly TExpenditureLine[]): void {
    for (const id of removed) {
      if (this.untally(snapshot, id)) snapshot.lines.delete(id);
    }
    for (const line of changed) {
      this.untally(snapshot, line.id);
      // set() on a kept id keeps its place: an updated line keeps its ordinal
      snapshot.lines.set(line.id, line);
      snapshot.tally.add(line);
    }
  }

  /** Takes a kept line's old values out of the tally; false when the snapshot has no such line. */
  private untally(snapshot: TSnapshot, id: string): boolean {
    const line = snapshot.lines.get(id);
    if (line === undefined) return false;
    snapshot.tally.remove(line);
    return true;
  }

  private async readAll<T>(m: EntityManager, at: TLinesVersion, incomeLines: TBudgetDocument['incomeLines'], use: TLinesUse<T>): Promise<T> {
    const lines = (await this.lines.loadExpenditure(m, { id: at.budgetId, fiscal_year: at.fiscalYear })).map(toExpenditureLine);
    const tally = new LineTally();
    for (const line of lines) tally.add(line);
    const kept = this.kept.get(at.budgetId);
    if (kept === undefined || kept.version <= at.version) this.keep(at.budgetId, { version: at.version, lines: new Map(lines.map((l) => [l.id, l])), tally });
    return use(lines, tally.aggregate(incomeLines));
  }

  private keep(budgetId: string, snapshot: TSnapshot): void {
    // Re-inserting moves the entry to the end: the Map's order is the recency order.
    this.kept.delete(budgetId);
    this.kept.set(budgetId, snapshot);
    if (this.kept.size > KEPT_BUDGETS) this.kept.delete(this.kept.keys().next().value as string);
  }
}
