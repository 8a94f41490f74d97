import { ZCommentTarget } from '@budgetflow/domain';
import { z } from 'zod';

const ZText = z.string().trim().min(1, 'may not be empty').max(5_000);

export const ZCreateCommentRequest = z.strictObject({ target: ZCommentTarget, body: ZText });
export type TCreateCommentRequest = z.output<typeof ZCreateCommentRequest>;

export const ZAnswerCommentRequest = z.strictObject({ answer: ZText });
export type TAnswerCommentRequest = z.output<typeof ZAnswerCommentRequest>;
