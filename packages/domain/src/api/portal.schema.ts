import { z } from 'zod';
import { ZAmount } from '../budget/amount.schema';
import { ZBreakdownData } from '../portal/breakdown';
import { ZDisclosureDigest } from '../portal/summary';
import { ZPublicationSummary } from './publication.schema';

/**
 * GET /api/public/disclosures/{id}/breakdown: the drill-down's facts and the digest of the first
 * screen, its last year as the portal compares with it (yearOnYear: as published, else as stated).
 */
export const ZDisclosureBreakdown = ZBreakdownData.extend({
  publicationId: z.uuid(),
  digest: ZDisclosureDigest.extend({ lastYear: z.object({ year: z.number().int(), total: ZAmount, stated: z.boolean() }).nullable() }),
});

/** A 功能 类, 款 or 项 of a disclosure that a search matched by its code or name. */
export const ZMatchedFunction = z.object({ code: z.string(), name: z.string() });

/** One published disclosure (the newest version of its budget) as the district search lists it. */
export const ZDisclosureSearchItem = ZPublicationSummary.omit({ latest: true }).extend({
  total: z.string(), // exact 元
  functionClasses: ZDisclosureDigest.shape.functionClasses, // largest first
  matchedFunctions: z.array(ZMatchedFunction), // empty when the department's name matched, or without a query
});

export const ZDisclosureSearchPage = z.object({
  items: z.array(ZDisclosureSearchItem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  years: z.array(z.number().int()), // every year anything was published, newest first: what the year filter offers
});

/** GET /api/public/departments/{code}/years: each published year of a department, with its change. */
export const ZDepartmentYears = z.object({
  department: z.object({ code: z.string(), name: z.string() }),
  years: z.array(
    z.object({
      publicationId: z.uuid(),
      fiscalYear: z.number().int(),
      total: z.string(),
      previous: z.object({ total: z.string(), stated: z.boolean() }).nullable(),
      change: z.object({ amount: z.string(), percent: z.string().nullable() }).nullable(),
      reason: z.string(),
      functionClasses: ZDisclosureDigest.shape.functionClasses,
    }),
  ),
});

/** GET /api/public/compare?year=&departments=: departments of a year side by side on their 功能 类. */
export const ZDepartmentComparison = z.object({
  fiscalYear: z.number().int(),
  classes: z.array(z.object({ code: z.string(), name: z.string() })),
  departments: z.array(z.object({ publicationId: z.uuid(), code: z.string(), name: z.string(), total: z.string(), amounts: z.array(z.string()) })),
});

export type TDisclosureBreakdown = z.output<typeof ZDisclosureBreakdown>;
export type TMatchedFunction = z.output<typeof ZMatchedFunction>;
export type TDisclosureSearchItem = z.output<typeof ZDisclosureSearchItem>;
export type TDisclosureSearchPage = z.output<typeof ZDisclosureSearchPage>;
export type TDepartmentYears = z.output<typeof ZDepartmentYears>;
export type TDepartmentComparison = z.output<typeof ZDepartmentComparison>;
