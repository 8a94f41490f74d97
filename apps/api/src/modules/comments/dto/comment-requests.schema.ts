import { ZCommentTarget, ZText } from '@budgetflow/domain';
import { z } from 'zod';

const ZBody = ZText.trim().min(1, 'may not be empty').max(5_000);

export const ZCreateCommentRequest = z.strictObject({ target: ZCommentTarget, body: ZBody });
export type TCreateCommentRequest = z.output<typeof ZCreateCommentRequest>;

export const ZAnswerCommentRequest = z.strictObject({ answer: ZBody });
export type TAnswerCommentRequest = z.output<typeof ZAnswerCommentRequest>;
