import { z } from 'zod';

/**
 * A rendered file of an approved revision, as GET /api/budgets/:id/revisions/:no/files lists it. Kept in
 * the API rather than beside ZPublicFile in the domain: no client reads it yet.
 */
export const ZRevisionFile = z.object({
  format: z.string(),
  /** e.g. t1.csv, disclosure.pdf: several files may share a format (one CSV per table). */
  name: z.string(),
  /** Downloads for those who may read the budget. */
  url: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

/** Empty until the revision is approved and its files are rendered. */
export const ZRevisionFiles = z.object({ items: z.array(ZRevisionFile) });

export type TRevisionFiles = z.output<typeof ZRevisionFiles>;
