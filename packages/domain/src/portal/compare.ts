import { shareOfTotal } from '../money/display';
import { formatYuan, parseFen, type Fen } from '../money/fen';
import type { TDisclosureDigest } from './summary';

/** One published year of a department, as the comparison across years lists it. */
export interface TYearPoint {
  fiscalYear: number;
  digest: TDisclosureDigest;
}

export interface TYearComparison {
  fiscalYear: number;
  total: string;
  /** The year before as the department stated it (上年预算数) or, failing that, as published the year before. */
  previous: { total: string; stated: boolean } | null;
  change: { amount: string; percent: string | null } | null;
  reason: string;
}

/**
 * Each published year with its change on the year before and the reason the department gave. The
 * department's own 上年预算数 wins: a later revision of last year's budget is what it compares with.
 */
export function compareYears(points: readonly TYearPoint[]): TYearComparison[] {
  const byYear = new Map(points.map((p) => [p.fiscalYear, p.digest]));
  return [...points]
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map(({ fiscalYear, digest }) => {
      const published = byYear.get(fiscalYear - 1);
      const previous =
        digest.lastYear !== null ? { total: digest.lastYear.total, stated: true } : published === undefined ? null : { total: published.total, stated: false };
      const change =
        previous === null
          ? null
          : (() => {
              const last = parseFen(previous.total);
              const amount = parseFen(digest.total) - last;
              return { amount: formatYuan(amount as Fen), percent: last === 0 ? null : shareOfTotal(amount, last) };
            })();
      return { fiscalYear, total: digest.total, previous, change, reason: digest.changeReason };
    });
}

/** Departments of one year side by side: the union of their 功能 类, each department's amount in each (0 where none). */
export function compareDepartments(digests: readonly { code: string; name: string; digest: TDisclosureDigest }[]): {
  classes: { code: string; name: string }[];
  departments: { code: string; name: string; total: string; amounts: string[] }[];
} {
  const names = new Map<string, string>();
  digests.forEach((d) => d.digest.functionClasses.forEach((c) => names.set(c.code, c.name)));
  const classes = [...names.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, name]) => ({ code, name }));
  return {
    classes,
    departments: digests.map((d) => {
      const amounts = new Map(d.digest.functionClasses.map((c) => [c.code, c.amount]));
      return { code: d.code, name: d.name, total: d.digest.total, amounts: classes.map((c) => amounts.get(c.code) ?? '0.00') };
    }),
  };
}
