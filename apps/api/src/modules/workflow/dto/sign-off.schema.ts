import { ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { ZVersion } from '../../budgets/dto/budget-requests.schema';

/** sign-off (审签): the signer's opinion, required; a missing one is refused by the domain (OPINION_REQUIRED). */
export const ZSignOffRequest = z.strictObject({ version: ZVersion.optional(), opinion: ZText.trim().max(5_000).optional() });

/** The 审签 of the budget's current revision: who, when, with which opinion. */
export const ZSignOff = z.object({
  revisionNo: z.number().int(),
  signer: z.object({ username: z.string(), displayName: z.string() }),
  at: z.iso.datetime(),
  opinion: z.string(),
});
export type TSignOff = z.output<typeof ZSignOff>;

/** GET /api/budgets/:id/sign-off: whether the bureau's policy of the year requires one, and the sign-off or null. */
export const ZSignOffView = z.object({ required: z.boolean(), signOff: ZSignOff.nullable() });
export type TSignOffView = z.output<typeof ZSignOffView>;
