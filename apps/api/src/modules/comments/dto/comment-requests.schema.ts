import { ZTableId } from '@budgetflow/domain';
import { z } from 'zod';

const ZText = z.string().trim().min(1, 'may not be empty').max(5_000);

/** What a comment is about: the whole budget, one row of a derived table, or one line. */
export const ZCommentTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('budget') }),
  z.strictObject({ kind: z.literal('row'), table: ZTableId, row: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('line'), lineId: z.string().min(1).max(64) }),
]);
export type TCommentTarget = z.output<typeof ZCommentTarget>;

export const ZCreateCommentRequest = z.strictObject({ target: ZCommentTarget, body: ZText });
export type TCreateCommentRequest = z.output<typeof ZCreateCommentRequest>;

export const ZAnswerCommentRequest = z.strictObject({ answer: ZText });
export type TAnswerCommentRequest = z.output<typeof ZAnswerCommentRequest>;
