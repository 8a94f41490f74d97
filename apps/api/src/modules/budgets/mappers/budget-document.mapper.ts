import type { TBudgetDocument, TExpenditureLine, TIncomeLine } from '@budgetflow/domain';

/**
 * A budget is stored split: its lines as rows (so that totals run in SQL and an edit touches one
 * row), everything else as one jsonb value. These two functions are the only place that knows it.
 */
export type TDocumentRest = Omit<TBudgetDocument, 'incomeLines' | 'expenditureLines'>;

export interface TExpenditureLineRow {
  line_id: string;
  unit_code: string;
  function_code: string;
  economic_code: string;
  kind: TExpenditureLine['kind'];
  project_id: string | null;
  fund_source: TExpenditureLine['fundSource'];
  /** numeric(18,2) as text: "1234.50", exactly what ZAmount produces. */
  amount: string;
  note: string | null;
}

export interface TIncomeLineRow {
  line_id: string;
  source: TIncomeLine['source'];
  amount: string;
  unit_code: string | null;
}

export function splitDocument(document: TBudgetDocument): {
  rest: TDocumentRest;
  expenditureLines: TExpenditureLine[];
  incomeLines: TIncomeLine[];
} {
  const { incomeLines, expenditureLines, ...rest } = document;
  return { rest, expenditureLines, incomeLines };
}

export function joinDocument(rest: TDocumentRest, expenditure: readonly TExpenditureLineRow[], income: readonly TIncomeLineRow[]): TBudgetDocument {
  return {
    ...rest,
    incomeLines: income.map(toIncomeLine),
    expenditureLines: expenditure.map(toExpenditureLine),
  };
}

export function toExpenditureLine(row: TExpenditureLineRow): TExpenditureLine {
  return {
    id: row.line_id,
    unitCode: row.unit_code,
    functionCode: row.function_code,
    economicCode: row.economic_code,
    kind: row.kind,
    ...(row.project_id === null ? {} : { projectId: row.project_id }),
    fundSource: row.fund_source,
    amount: row.amount,
    ...(row.note === null ? {} : { note: row.note }),
  };
}

export function toIncomeLine(row: TIncomeLineRow): TIncomeLine {
  return { id: row.line_id, source: row.source, amount: row.amount, ...(row.unit_code === null ? {} : { unitCode: row.unit_code }) };
}
