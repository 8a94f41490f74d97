import { BUDGET_STATES, ZExpenditureLine, ZFiscalYear, ZIncomeLine } from '@budgetflow/domain';
import { z } from 'zod';

const ZLineId = ZExpenditureLine.shape.id;
/** Sized so that one request can carry a whole 10,000-line import, and not much more. */
const MAX_LINES_PER_REQUEST = 20_000;

export const ZCreateBudgetRequest = z.strictObject({
  fiscalYear: ZFiscalYear,
  // A preparer creates for their own department; naming it is allowed, naming another is 404.
  departmentId: z.uuid().optional(),
  // Start from last year's approved or published revision of the same department (carryForward).
  fromRevision: z
    .strictObject({ budgetId: z.uuid(), revisionNo: z.number().int().min(1) })
    .optional()
    .describe("Last year's approved or published revision to start from: units, 职能, staffing, continuing projects, lines, 上年预算数"),
});
export type TCreateBudgetRequest = z.output<typeof ZCreateBudgetRequest>;

const ZPageNumber = z.coerce.number().int().min(1).max(100_000);

export const ZListBudgetsQuery = z.strictObject({
  year: z.coerce.number().pipe(ZFiscalYear).optional(),
  state: z.enum(BUDGET_STATES).optional(),
  page: ZPageNumber.default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListBudgetsQuery = z.output<typeof ZListBudgetsQuery>;

/** Which page of lines `GET /api/budgets/:id` carries; the whole document is at `/document`. */
export const ZReadBudgetQuery = z.strictObject({
  linePage: ZPageNumber.default(1),
  linePageSize: z.coerce.number().int().min(1).max(1_000).default(200),
});
export type TReadBudgetQuery = z.output<typeof ZReadBudgetQuery>;

/** A version as the client last saw it: the `version` field of the body, or an `If-Match` header. */
export const ZVersion = z.number().int().min(1);

/**
 * A line as written. GET lists lines with their derived 政府预算经济分类 code; a client may send a
 * listed line back as it got it, so that field is accepted and dropped: it follows from the 对照表.
 */
const ZWrittenExpenditureLine = ZExpenditureLine.extend({ governmentEconomicCode: z.string().max(20).optional() })
  .strict()
  .transform(({ governmentEconomicCode: _derived, ...line }) => line);

export const ZLinesPatchRequest = z
  .strictObject({
    version: ZVersion.optional(),
    // Adds the lines whose id is new and replaces those whose id exists.
    upsertExpenditure: z.array(ZWrittenExpenditureLine).max(MAX_LINES_PER_REQUEST).default([]),
    removeExpenditure: z.array(ZLineId).max(MAX_LINES_PER_REQUEST).default([]),
    upsertIncome: z.array(ZIncomeLine.strict()).max(MAX_LINES_PER_REQUEST).default([]),
    removeIncome: z.array(ZLineId).max(MAX_LINES_PER_REQUEST).default([]),
  })
  .superRefine((patch, ctx) => {
    duplicateIds(patch.upsertExpenditure.map((l) => l.id), 'upsertExpenditure', ctx);
    duplicateIds(patch.upsertIncome.map((l) => l.id), 'upsertIncome', ctx);
    duplicateIds(patch.removeExpenditure, 'removeExpenditure', ctx);
    duplicateIds(patch.removeIncome, 'removeIncome', ctx);
  });
export type TLinesPatchRequest = z.output<typeof ZLinesPatchRequest>;

/** Two instructions about one line in one request would depend on their order: refuse them. */
function duplicateIds(ids: readonly string[], field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [field, index, 'id'], message: `line "${id}" appears twice` });
    seen.add(id);
  });
}
