import { z } from 'zod';

/** An in-app notification (the jobs' notifications table): a workflow action on a budget. */
export const ZNotification = z.object({
  id: z.uuid(),
  budgetId: z.uuid(),
  action: z.string(),
  reason: z.string().nullable(),
  /** the review stage the step was taken at, and the one the budget went on to (null: out of review, or before stages were noted) */
  stageName: z.string().nullable(),
  nextStageName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});

export type TNotification = z.output<typeof ZNotification>;
