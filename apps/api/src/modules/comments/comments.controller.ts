import { ZComment, type TComment } from '@budgetflow/domain';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { CommentsService } from './comments.service';
import { ZAnswerCommentRequest, ZCreateCommentRequest, type TAnswerCommentRequest, type TCreateCommentRequest } from './dto/comment-requests.schema';

/** Comments are the conversation between the department's preparers and the reviewers. */
const PARTIES = ['preparer', 'reviewer'] as const;
const ZIdParams = z.object({ id: z.uuid() });

documentRoute({ method: 'post', path: '/api/budgets/{id}/comments', summary: 'Comment on the budget, a table row or a line', tags: ['comments'], access: PARTIES, params: ZIdParams, body: ZCreateCommentRequest, response: { status: 201, schema: ZComment } });
documentRoute({ method: 'get', path: '/api/budgets/{id}/comments', summary: "A budget's comments, oldest first", tags: ['comments'], access: PARTIES, params: ZIdParams, response: { status: 200, schema: z.object({ items: z.array(ZComment) }) } });
documentRoute({ method: 'post', path: '/api/comments/{id}/answer', summary: "A preparer answers a comment (once)", tags: ['comments'], access: ['preparer'], params: ZIdParams, body: ZAnswerCommentRequest, response: { status: 200, schema: ZComment }, problems: [409] });

@Controller('api')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post('budgets/:id/comments')
  @Roles(...PARTIES)
  create(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Body(new ZodPipe(ZCreateCommentRequest)) body: TCreateCommentRequest): Promise<TComment> {
    return this.comments.create(caller, id, body);
  }

  @Get('budgets/:id/comments')
  @Roles(...PARTIES)
  list(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string): Promise<{ items: TComment[] }> {
    return this.comments.list(caller, id);
  }

  @Post('comments/:id/answer')
  @Roles('preparer')
  @HttpCode(200)
  answer(@Caller() caller: TCaller, @Param('id', new IdPipe('Comment')) id: string, @Body(new ZodPipe(ZAnswerCommentRequest)) body: TAnswerCommentRequest): Promise<TComment> {
    return this.comments.answer(caller, id, body.answer);
  }
}
