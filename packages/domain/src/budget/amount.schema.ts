import { z } from 'zod';
import { formatYuan, parseFen } from '../money/fen';
import { MoneyError } from '../money/money-error';

/**
 * An amount in 元 as it travels in documents and over the wire: text, never a JSON number
 * (0.1 as a number has already lost exactness). Accepts "1,234.5" and outputs the canonical
 * "1234.50", so stored documents compare and hash the same way.
 */
export const ZAmount = z.string().transform((text, ctx) => {
  try {
    return formatYuan(parseFen(text));
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message, params: { moneyError: error.code } });
    return z.NEVER;
  }
});

/** An amount that may not be negative (most budget lines). */
export const ZNonNegativeAmount = ZAmount.refine((yuan) => !yuan.startsWith('-'), {
  message: 'the amount may not be negative',
});
