import type { TDisclosure, TDisclosureTable } from '@budgetflow/domain';
import { formatAmount, parseFen } from '@budgetflow/domain';

/**
 * What the portal's charts plot, read from the published tables. Each value is the table's own
 * display figure (万元, half up, as printed); a chart axis needs a number, so the printed text is
 * converted only here, for drawing, and the label shows the text itself.
 */
export interface TChartPoint {
  name: string;
  text: string;
  value: number;
}

function table(disclosure: TDisclosure, id: TDisclosureTable['id']): TDisclosureTable | undefined {
  return disclosure.tables.find((t) => t.id === id);
}

function point(name: string, yuan: string | null | undefined): TChartPoint {
  const text = formatAmount(parseFen(yuan ?? '0'));
  return { name, text, value: Number(text) };
}

/** 表5's 类 rows: expenditure by function. */
export function expenditureByFunction(disclosure: TDisclosure): TChartPoint[] {
  const t5 = table(disclosure, 'T5');
  return (t5?.rows ?? []).filter((r) => r.level === 0 && r.emphasis !== 'total').map((r) => point(r.name, r.cells['total']));
}

/** 表3's total row: basic against project expenditure. */
export function basicAgainstProject(disclosure: TDisclosure, labels: { basic: string; project: string }): TChartPoint[] {
  const total = table(disclosure, 'T3')?.rows.find((r) => r.emphasis === 'total');
  if (total === undefined) return [];
  return [point(labels.basic, total.cells['basic']), point(labels.project, total.cells['project'])];
}

/** 表9's money block: this year against last year, row by row where both are known. */
export function yearOverYear(disclosure: TDisclosure): { name: string; lastYear: TChartPoint; thisYear: TChartPoint }[] {
  const t9 = table(disclosure, 'T9');
  return (t9?.rows ?? [])
    .filter((r) => r.cells['amount'] && r.cells['lastYear'])
    .map((r) => ({ name: r.name, lastYear: point(r.name, r.cells['lastYear']), thisYear: point(r.name, r.cells['amount']) }));
}
