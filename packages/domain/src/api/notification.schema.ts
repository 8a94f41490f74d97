import { z } from 'zod';
import { BUDGET_ROUNDS } from '../workflow/review-chain';

/** An in-app notification (the jobs' notifications table): a workflow action on a budget. */
export const ZNotification = z.object({
  id: z.uuid(),
  budgetId: z.uuid(),
  action: z.string(),
  reason: z.string().nullable(),
  /** the review stage the step was taken at, and the one the budget went on to (null: out of review, or before stages were noted) */
  stageName: z.string().nullable(),
  nextStageName: z.string().nullable(),
  /** the round the step was taken in: a unit's approval (unit) is its department's 审核, not the bureau's 批复; null before rounds were noted */
  round: z.enum(BUDGET_ROUNDS).nullable(),
  /** the statutory clock's notice of a 二级单位's 单位预算: the unit's name and the last day to publish it (YYYY-MM-DD); null on every other */
  unitName: z.string().nullable(),
  dueOn: z.iso.date().nullable(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});

export type TNotification = z.output<typeof ZNotification>;
