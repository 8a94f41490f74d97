import { changeOn, type TDisclosureDigest } from './summary';

/** One published year of a department, as the comparison across years lists it. */
export interface TYearPoint {
  fiscalYear: number;
  digest: TDisclosureDigest;
}

/** Last year as the portal compares with it, and whether it is the budget's own statement of it. */
export interface TLastYear {
  year: number;
  total: string;
  /** true: the 上年预算数 the budget states; false: last year's disclosure as published */
  stated: boolean;
}

/**
 * 比上年增减 as the portal tells it: against last year as published now (the newest version of the
 * department's disclosure of that year) and, only where that year has none published, against
 * last year as the budget states it (上年预算数). The tables of a disclosure print the budget's own
 * figures in their 上年 columns and stay as published; the portal's comparison across years follows
 * the published record, so that a year published after the one that follows it, or corrected
 * since, is compared with as it stands, not as a snapshot taken before.
 */
export function yearOnYear(fiscalYear: number, digest: TDisclosureDigest, lastYearPublished: TDisclosureDigest | undefined): { lastYear: TLastYear | null; change: TDisclosureDigest['change'] } {
  const lastYear =
    lastYearPublished !== undefined
      ? { year: fiscalYear - 1, total: lastYearPublished.total, stated: false }
      : digest.lastYear === null
        ? null
        : { year: digest.lastYear.year, total: digest.lastYear.total, stated: true };
  return { lastYear, change: lastYear === null ? null : changeOn(digest.total, lastYear.total) };
}

export interface TYearComparison {
  fiscalYear: number;
  total: string;
  /** The year before as published (or, failing that, as the department stated it). */
  previous: { total: string; stated: boolean } | null;
  change: { amount: string; percent: string | null } | null;
  reason: string;
}

/** Each published year with its change on the year before (yearOnYear) and the reason the department gave. */
export function compareYears(points: readonly TYearPoint[]): TYearComparison[] {
  const byYear = new Map(points.map((p) => [p.fiscalYear, p.digest]));
  return [...points]
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map(({ fiscalYear, digest }) => {
      const { lastYear, change } = yearOnYear(fiscalYear, digest, byYear.get(fiscalYear - 1));
      const previous = lastYear === null ? null : { total: lastYear.total, stated: lastYear.stated };
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
