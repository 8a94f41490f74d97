import { aggregateLines, formatYuan, parseFen, sumFen, sumFenExact, type Fen, type LineAggregate, type TBudgetDocument, type TExpenditureLine } from '@budgetflow/domain';

export interface TBudgetTotals {
  /** Exact sums in 元 as text, added up in integer 分. */
  expenditure: string;
  income: string;
  expenditureByKind: Record<TExpenditureLine['kind'], string>;
  expenditureLineCount: number;
  incomeLineCount: number;
}

/**
 * The headline sums of a budget, over integer 分, from the lines' aggregate (computed once per
 * version, with the derivation that shares it): every line sits in exactly one functional cell.
 */
export function totalsOf(document: TBudgetDocument, aggregate: LineAggregate = aggregateLines(document)): TBudgetTotals {
  const byKind: Record<TExpenditureLine['kind'], Fen[]> = { 'basic-personnel': [], 'basic-public': [], project: [] };
  for (const cell of aggregate.byFunction) byKind[cell.kind].push(cell.fen as Fen);
  return {
    expenditure: formatYuan(aggregate.expenditureTotal),
    income: formatYuan(sumFen(aggregate.incomeBySource.values())),
    expenditureByKind: {
      'basic-personnel': formatYuan(sumFen(byKind['basic-personnel'])),
      'basic-public': formatYuan(sumFen(byKind['basic-public'])),
      project: formatYuan(sumFen(byKind.project)),
    },
    expenditureLineCount: document.expenditureLines.length,
    incomeLineCount: document.incomeLines.length,
  };
}

/** The same totals summed line by line in BigInt, for a budget whose sums leave the exact number range. */
export function exactTotalsOf(document: Pick<TBudgetDocument, 'expenditureLines' | 'incomeLines'>): TBudgetTotals {
  const sum = (lines: readonly { amount: string }[]): string => formatYuan(sumFenExact(lines.map((l) => parseFen(l.amount))));
  const ofKind = (kind: TExpenditureLine['kind']) => sum(document.expenditureLines.filter((l) => l.kind === kind));
  return {
    expenditure: sum(document.expenditureLines),
    income: sum(document.incomeLines),
    expenditureByKind: { 'basic-personnel': ofKind('basic-personnel'), 'basic-public': ofKind('basic-public'), project: ofKind('project') },
    expenditureLineCount: document.expenditureLines.length,
    incomeLineCount: document.incomeLines.length,
  };
}
