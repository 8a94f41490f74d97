import type { FundSource } from '../budget/fund-source';
import type { TBudgetDocument, TProject } from '../budget/budget-document.schema';
import { aggregateLines, type LineAggregate, type ProjectLineTotals } from '../derive/line-aggregate';
import { sumFen, type Fen } from '../money/fen';

export type { ProjectLineTotals };

/**
 * Everything the document rules look up. The lines are read once, by aggregateLines, which the
 * derivation shares: 100,000 lines must validate and derive in well under a second.
 */
export interface DocumentIndex {
  readonly doc: TBudgetDocument;
  readonly aggregate: LineAggregate;
  readonly projectsById: ReadonlyMap<string, TProject>;
  /** The department's budget units. */
  readonly unitCodes: ReadonlySet<string>;
  readonly byProject: ReadonlyMap<string, ProjectLineTotals>;
  readonly incomeBySource: ReadonlyMap<FundSource, Fen>;
  readonly expenditureBySource: ReadonlyMap<FundSource, Fen>;
  readonly incomeTotal: Fen;
  readonly expenditureTotal: Fen;
}

export function indexDocument(doc: TBudgetDocument, aggregate: LineAggregate = aggregateLines(doc)): DocumentIndex {
  return {
    doc,
    aggregate,
    projectsById: new Map(doc.projects.map((p) => [p.id, p])),
    unitCodes: new Set(doc.department.units.map((u) => u.code)),
    byProject: aggregate.projectLines,
    incomeBySource: aggregate.incomeBySource,
    expenditureBySource: aggregate.expenditureBySource,
    incomeTotal: sumFen(aggregate.incomeBySource.values()),
    expenditureTotal: aggregate.expenditureTotal,
  };
}
