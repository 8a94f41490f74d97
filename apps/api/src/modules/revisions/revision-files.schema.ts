import { ZListedFile } from '@budgetflow/domain';
import { z } from 'zod';

/** Why a rendered file may not be published (reports/check/rendered-check.ts). */
const ZRenderProblem = z.object({ code: z.string(), file: z.string(), message: z.string() });

/**
 * An approved revision's rendered files, as GET /api/budgets/:id/revisions/:no/files lists them: empty
 * and `check` null until rendered; then the check of the files, which must pass for `publish`.
 */
export const ZRevisionFiles = z.object({
  items: z.array(ZListedFile),
  check: z.object({ passed: z.boolean(), problems: z.array(ZRenderProblem) }).nullable(),
});

export type TRevisionFiles = z.output<typeof ZRevisionFiles>;
