import { ZBudgetRound, ZReviewChain, ZReviewStage } from '@budgetflow/domain';
import { z } from 'zod';

const ZPerson = z.object({ username: z.string(), displayName: z.string() });

/** One step of the trail: who (and on whose behalf), when, at which stage, with which opinion or reason. */
export const ZTrailEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  revisionNo: z.number().int(),
  round: ZBudgetRound,
  stageIndex: z.number().int().nullable(),
  stageName: z.string().nullable(),
  action: z.string(),
  actor: ZPerson,
  onBehalfOf: ZPerson.nullable(),
  opinion: z.string().nullable(),
  reason: z.string().nullable(),
  documentNo: z.string().nullable(),
  repliedOn: z.string().nullable(),
  /** whether the content changed since this step: the latest revision's content differs from the one the step saw */
  changedSince: z.boolean(),
});

/** GET /api/budgets/:id/review: the budget's round, its chain and stage, the 批复, and the whole trail. */
export const ZBudgetReview = z.object({
  round: ZBudgetRound,
  chain: ZReviewChain,
  stage: z.object({ index: z.number().int(), count: z.number().int(), stage: ZReviewStage }).nullable(),
  /** Whether the current stage is the caller's (or a delegator's of today): only then are its actions theirs. */
  yourStage: z.boolean(),
  proposalRevisionNo: z.number().int().nullable(),
  reply: z.object({ documentNo: z.string(), date: z.string() }).nullable(),
  trail: z.array(ZTrailEntry),
});
export type TBudgetReview = z.output<typeof ZBudgetReview>;

/** GET /api/budgets/:id/indicators: 预算指标, the approved figures per line (amounts in 元 as strings). */
export const ZIndicators = z.object({
  items: z.array(
    z.object({
      revisionNo: z.number().int(),
      lineId: z.string(),
      unitCode: z.string(),
      functionCode: z.string(),
      economicCode: z.string(),
      kind: z.string(),
      projectId: z.string().nullable(),
      fundSource: z.string(),
      amount: z.string(),
      documentNo: z.string(),
      repliedOn: z.string(),
    }),
  ),
});
export type TIndicators = z.output<typeof ZIndicators>;

/** GET /api/reviews/reviewed: 已审, what the reviewer decided, so that it stays on their desk. */
export const ZReviewed = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      departmentCode: z.string(),
      departmentName: z.string(),
      fiscalYear: z.number().int(),
      state: z.string(),
      round: ZBudgetRound,
      lastAction: z.string(),
      stageName: z.string().nullable(),
      at: z.union([z.date(), z.string()]),
    }),
  ),
});
export type TReviewed = z.output<typeof ZReviewed>;

/** GET /api/reviews/queue: the budgets in review the caller may see, those waiting on the caller's stage first. */
export const ZReviewQueue = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      department: z.object({ code: z.string(), name: z.string() }),
      /** a unit's budget (单位预算), in its department reviewer's queue; null for a 部门预算 */
      unit: z.object({ code: z.string(), name: z.string() }).nullable(),
      fiscalYear: z.number().int(),
      round: ZBudgetRound,
      stage: z.object({ index: z.number().int(), count: z.number().int(), name: z.string() }).nullable(),
      /** whether the stage is the caller's (or a delegator's of today): theirs to act on */
      yourStage: z.boolean(),
      /** when the budget reached its stage: the latest step of its trail */
      since: z.string(),
      daysWaiting: z.number().int(),
    }),
  ),
});
export type TReviewQueue = z.output<typeof ZReviewQueue>;
