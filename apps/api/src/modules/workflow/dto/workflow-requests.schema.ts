import { ZAdjustmentKind, ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { ZVersion } from '../../budgets/dto/budget-requests.schema';
import { BUREAU_TIME_ZONE } from '../../bureau/bureau-desk.repository';

/** Today's date where the bureau works, YYYY-MM-DD (en-CA formats dates that way). */
function bureauToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BUREAU_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Every action may carry the version the actor saw; acting on a newer one is then refused (409). */
export const ZActionRequest = z.strictObject({ version: ZVersion.optional() });
export type TActionRequest = z.output<typeof ZActionRequest>;

export const ZReturnRequest = z.strictObject({
  version: ZVersion.optional(),
  reason: ZText.trim().min(1, 'a reason is required to return a budget').max(5_000),
});
export type TReturnRequest = z.output<typeof ZReturnRequest>;

/**
 * approve: the stage's opinion (审核意见), required; at the last stage also the 批复 (二下): its
 * document number (文号) and date. Missing ones are refused by the domain (OPINION_REQUIRED,
 * REPLY_REQUIRED), which knows the stage.
 */
export const ZApproveRequest = z.strictObject({
  version: ZVersion.optional(),
  opinion: ZText.trim().max(5_000).optional(),
  documentNo: ZText.trim().max(100).optional(),
  // A 批复 is a document already signed: a date to come would start the 20-day publication clock in the future.
  date: z.iso
    .date()
    .refine((date) => date <= bureauToday(), 'the 批复 date cannot be after today')
    .optional(),
});
export type TApproveRequest = z.output<typeof ZApproveRequest>;

/** revise (更正) and issue-ceilings: the reason of the correction, or the 预算科's note to the ceilings. */
export const ZReviseRequest = z.strictObject({ version: ZVersion.optional(), reason: ZText.trim().max(5_000).optional() });
export const ZIssueCeilingsRequest = z.strictObject({ version: ZVersion.optional(), opinion: ZText.trim().max(5_000).optional() });

/** adjust (预算调整): its kind and reason; missing ones are refused by the domain (ADJUSTMENT_REASON_REQUIRED). */
export const ZAdjustRequest = z.strictObject({ version: ZVersion.optional(), kind: ZAdjustmentKind.optional(), reason: ZText.trim().max(5_000).optional() });

/** Retries of one action carry the same key; 8–128 visible characters, e.g. a UUID. */
export const ZIdempotencyKey = z.string().regex(/^[\x21-\x7e]{8,128}$/, 'an Idempotency-Key is 8–128 visible ASCII characters');
