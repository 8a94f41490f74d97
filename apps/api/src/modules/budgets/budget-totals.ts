import { formatYuan, parseFen, sumFen, type Fen, type TBudgetDocument, type TExpenditureLine } from '@budgetflow/domain';

export interface TBudgetTotals {
  /** Exact sums in 元 as text, added up in integer 分. */
  expenditure: string;
  income: string;
  expenditureByKind: Record<TExpenditureLine['kind'], string>;
  expenditureLineCount: number;
  incomeLineCount: number;
}

/** The headline sums of a budget, over integer 分 (computed once per version, with the derivation). */
export function totalsOf(document: TBudgetDocument): TBudgetTotals {
  const byKind: Record<TExpenditureLine['kind'], Fen[]> = { 'basic-personnel': [], 'basic-public': [], project: [] };
  const all: Fen[] = [];
  for (const line of document.expenditureLines) {
    const fen = parseFen(line.amount);
    all.push(fen);
    byKind[line.kind].push(fen);
  }
  return {
    expenditure: formatYuan(sumFen(all)),
    income: formatYuan(sumFen(document.incomeLines.map((l) => parseFen(l.amount)))),
    expenditureByKind: {
      'basic-personnel': formatYuan(sumFen(byKind['basic-personnel'])),
      'basic-public': formatYuan(sumFen(byKind['basic-public'])),
      project: formatYuan(sumFen(byKind.project)),
    },
    expenditureLineCount: document.expenditureLines.length,
    incomeLineCount: document.incomeLines.length,
  };
}
