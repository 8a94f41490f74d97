import { z } from 'zod';
import { ZAmount } from '../budget/amount.schema';
import type { TBudgetDocument } from '../budget/budget-document.schema';
import { shareOfTotal } from '../money/display';
import { formatYuan, parseFen, type Fen } from '../money/fen';
import { drillDown, type TBreakdownData } from './breakdown';

const ZClassTotal = z.object({ code: z.string(), name: z.string(), amount: ZAmount });

/**
 * What the portal says of a disclosure before its tables: the total, how it changed on last year
 * and why (the department's own words), and the 功能 类 it goes to, largest first.
 */
export const ZDisclosureDigest = z.object({
  total: ZAmount,
  basic: ZAmount,
  project: ZAmount,
  lastYear: z.object({ year: z.number().int(), total: ZAmount }).nullable(),
  /** This year less last year, exact 元, and in percent of last year (one decimal); null without last year. */
  change: z.object({ amount: ZAmount, percent: z.string().nullable() }).nullable(),
  changeReason: z.string(),
  functionClasses: z.array(ZClassTotal),
});
export type TDisclosureDigest = z.output<typeof ZDisclosureDigest>;

/** This year less last year, exact 元, and in percent of last year (one decimal; none when last year was 0). */
export function changeOn(total: string, lastYearTotal: string): { amount: string; percent: string | null } {
  const last = parseFen(lastYearTotal);
  const amount = parseFen(total) - last;
  return { amount: formatYuan(amount as Fen), percent: last === 0 ? null : shareOfTotal(amount, last) };
}

/** How many 类 the summary names. */
export const LARGEST_CLASSES = 3;

/** The digest of a published budget: from its lines (summed as the drill-down sums them) and last year's figures. */
export function disclosureDigest(document: Pick<TBudgetDocument, 'fiscalYear' | 'priorYears' | 'explanations'>, data: TBreakdownData): TDisclosureDigest {
  const top = drillDown(data, 'function', []);
  const prior = document.priorYears.find((p) => p.year === document.fiscalYear - 1);
  const lastYear = prior?.total === undefined ? null : { year: prior.year, total: prior.total };
  const change = lastYear === null ? null : changeOn(top.total.total, lastYear.total);
  const functionClasses = top.rows
    .map((r) => ({ code: r.code, name: r.name, amount: r.total }))
    .sort((a, b) => parseFen(b.amount) - parseFen(a.amount) || (a.code < b.code ? -1 : 1));
  return { total: top.total.total, basic: top.total.basic, project: top.total.project, lastYear, change, changeReason: document.explanations.totalChangeReason, functionClasses };
}
