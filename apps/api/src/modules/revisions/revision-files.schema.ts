import { ZListedFile } from '@budgetflow/domain';
import { z } from 'zod';

/** An approved revision's rendered files, as GET /api/budgets/:id/revisions/:no/files lists them: empty until rendered. */
export const ZRevisionFiles = z.object({ items: z.array(ZListedFile) });

export type TRevisionFiles = z.output<typeof ZRevisionFiles>;
