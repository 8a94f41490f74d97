import { ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { ZVersion } from '../../budgets/dto/budget-requests.schema';

/** Every action may carry the version the actor saw; acting on a newer one is then refused (409). */
export const ZActionRequest = z.strictObject({ version: ZVersion.optional() });
export type TActionRequest = z.output<typeof ZActionRequest>;

export const ZReturnRequest = z.strictObject({
  version: ZVersion.optional(),
  reason: ZText.trim().min(1, 'a reason is required to return a budget').max(5_000),
});
export type TReturnRequest = z.output<typeof ZReturnRequest>;

/** Retries of one action carry the same key; 8–128 visible characters, e.g. a UUID. */
export const ZIdempotencyKey = z.string().regex(/^[\x21-\x7e]{8,128}$/, 'an Idempotency-Key is 8–128 visible ASCII characters');
