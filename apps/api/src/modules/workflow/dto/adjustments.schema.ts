import { ZAdjustmentKind } from '@budgetflow/domain';
import { z } from 'zod';

/** GET /api/budgets/:id/adjustments: each 预算调整 with 年初预算 / 调整数 / 调整后预算 per line (元, strings). */
export const ZAdjustments = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: ZAdjustmentKind,
      reason: z.string(),
      baseRevisionNo: z.number().int(),
      revisionNo: z.number().int().nullable(),
      documentNo: z.string().nullable(),
      repliedOn: z.string().nullable(),
      requestedAt: z.union([z.date(), z.string()]),
      lines: z.array(z.object({ lineId: z.string(), functionCode: z.string(), economicCode: z.string(), original: z.string(), adjustment: z.string(), adjusted: z.string() })),
    }),
  ),
});
export type TAdjustments = z.output<typeof ZAdjustments>;
