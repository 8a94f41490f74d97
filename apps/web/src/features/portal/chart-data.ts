import {
  formatAmount,
  parseFen,
  type TDisclosure,
  type TDisclosureTable,
  type TTableRole,
} from '@budgetflow/domain';

/**
 * What the portal's charts plot, read from the published tables. Each value is the table's own
 * display figure (万元, half up, as printed); a chart axis needs a number, so the printed text is
 * converted only here, for drawing, and the label shows the text itself.
 */
export interface TChartPoint {
  /** The row's code (a 功能 类 …) where it has one: what a click on it opens. */
  code?: string;
  name: string;
  text: string;
  value: number;
}

/** A table by what it means, whatever its number in the disclosure's template. */
function table(disclosure: TDisclosure, role: TTableRole): TDisclosureTable | undefined {
  return disclosure.tables.find((t) => t.role === role);
}

/**
 * A chart's point: the amount as the tables print it (万元, exact), and the same text as a number
 * only to size the bar or slice. No money is computed from `value`.
 */
export function chartPoint(name: string, yuan: string | null | undefined): TChartPoint {
  const text = formatAmount(parseFen(yuan ?? '0'));
  return { name, text, value: Number(text) };
}

/** The 一般公共预算 function table's 类 rows: expenditure by function. */
export function expenditureByFunction(disclosure: TDisclosure): TChartPoint[] {
  const t5 = table(disclosure, 'general-public-function');
  return (t5?.rows ?? [])
    .filter((r) => r.level === 0 && r.emphasis !== 'total')
    .map((r) => ({
      ...chartPoint(r.name, r.cells['total'] ?? r.cells['amount']),
      ...(r.code === undefined ? {} : { code: r.code }),
    }));
}

/** The expenditure summary's total row: basic against project expenditure. */
export function basicAgainstProject(
  disclosure: TDisclosure,
  labels: { basic: string; project: string },
): TChartPoint[] {
  const total = table(disclosure, 'expenditure-summary')?.rows.find((r) => r.key === 'total');
  if (total === undefined || total.cells['basic'] === undefined) return [];
  return [chartPoint(labels.basic, total.cells['basic']), chartPoint(labels.project, total.cells['project'])];
}

/** 表9's money block (the department performance table): basic, project and total expenditure this year against last year. */
export function yearOverYear(
  disclosure: TDisclosure,
  totalLabel: string,
): { name: string; lastYear: TChartPoint; thisYear: TChartPoint }[] {
  const rows = table(disclosure, 'department-performance')?.rows ?? [];
  return ['basic', 'project', 'expenditure-total'].flatMap((key) => {
    const row = rows.find((r) => r.key === key);
    if (row === undefined || !row.cells['amount'] || !row.cells['lastYear']) return [];
    const name = key === 'expenditure-total' ? totalLabel : row.name;
    return [
      { name, lastYear: chartPoint(name, row.cells['lastYear']), thisYear: chartPoint(name, row.cells['amount']) },
    ];
  });
}
