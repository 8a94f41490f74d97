import { z } from 'zod';
import { ZTableId } from '../disclosure/disclosure.schema';
import { ZLineText } from '../text/text.schema';
import { ZUserRef } from './user-ref.schema';

/** What a comment is about: the whole budget, one row of a derived table, or one line. */
export const ZCommentTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('budget') }),
  z.strictObject({ kind: z.literal('row'), table: ZTableId, row: ZLineText.min(1).max(200) }),
  z.strictObject({ kind: z.literal('line'), lineId: ZLineText.min(1).max(64) }),
]);

/** A reviewer's comment on a budget and the preparer's answer, once given. */
export const ZComment = z.object({
  id: z.uuid(),
  budgetId: z.uuid(),
  target: ZCommentTarget,
  body: z.string(),
  author: ZUserRef,
  createdAt: z.iso.datetime(),
  answer: z.object({ text: z.string(), by: ZUserRef, at: z.iso.datetime() }).nullable(),
});

export type TCommentTarget = z.output<typeof ZCommentTarget>;
export type TComment = z.output<typeof ZComment>;
