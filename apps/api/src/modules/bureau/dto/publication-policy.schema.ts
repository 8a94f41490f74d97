import { z } from 'zod';

/** PUT /api/admin/publication-policies/{bureau}/{year}: whether publication waits for a 审签 (公开前须审签). */
export const ZPutPublicationPolicy = z.strictObject({ signOffRequired: z.boolean() });
export type TPutPublicationPolicy = z.output<typeof ZPutPublicationPolicy>;

export const ZPolicyView = z.object({
  bureau: z.string(),
  fiscalYear: z.number().int(),
  signOffRequired: z.boolean(),
  /** false: the year has no policy of its own (no 审签 required) */
  configured: z.boolean(),
  version: z.number().int(),
});
export type TPolicyView = z.output<typeof ZPolicyView>;
