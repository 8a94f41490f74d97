import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import type { WorkflowAction } from '@budgetflow/domain';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import type { TRole } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { AppError } from '../../common/errors/app-error';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { ZActionRequest, ZIdempotencyKey, ZReturnRequest, type TActionRequest, type TReturnRequest } from './dto/workflow-requests.schema';
import { WorkflowService, type TActionResult } from './workflow.service';

/** An action without a body is an action with an empty one. */
const orEmpty = <S extends z.ZodType>(schema: S) => z.preprocess((value) => value ?? {}, schema);
const ZAction = orEmpty(ZActionRequest);
const ZReturn = orEmpty(ZReturnRequest);

/** Who may ask for each action; the domain's guards then decide on the budget itself. */
const ACTION_ROLES: Record<WorkflowAction, TRole[]> = {
  submit: ['preparer'],
  withdraw: ['preparer'],
  return: ['reviewer'],
  approve: ['reviewer'],
  publish: ['publisher'],
  revise: ['preparer', 'publisher'],
};

const ZIdParams = z.object({ id: z.uuid() });
const ZActionHeaders = z.object({ 'idempotency-key': ZIdempotencyKey.optional() });
for (const action of Object.keys(ACTION_ROLES) as WorkflowAction[]) {
  documentRoute({
    method: 'post',
    path: `/api/budgets/{id}/${action}`,
    summary: `Workflow: ${action}. A retry with the same Idempotency-Key acts once and answers the same.`,
    tags: ['workflow'],
    access: ACTION_ROLES[action],
    params: ZIdParams,
    headers: ZActionHeaders,
    body: action === 'return' ? ZReturnRequest : ZActionRequest,
    response: { status: 200 },
    problems: [409],
  });
}

@Controller('api/budgets/:id')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Post('submit')
  @Roles(...ACTION_ROLES.submit)
  @HttpCode(200)
  submit(@Caller() c: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Body(new ZodPipe(ZAction)) body: TActionRequest, @Headers('idempotency-key') key?: string): Promise<TActionResult> {
    return this.act(c, id, 'submit', body, key);
  }

  @Post('withdraw')
  @Roles(...ACTION_ROLES.withdraw)
  @HttpCode(200)
  withdraw(@Caller() c: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Body(new ZodPipe(ZAction)) body: TActionRequest, @Headers('idempotency-key') key?: string): Promise<TActionResult> {
    return this.act(c, id, 'withdraw', body, key);
  }

  @Post('return')
  @Roles(...ACTION_ROLES.return)
  @HttpCode(200)
  return(@Caller() c: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Body(new ZodPipe(ZReturn)) body: TReturnRequest, @Headers('idempotency-key') key?: string): Promise<TActionResult> {
    return this.act(c, id, 'return', body, key);
  }

  @Post('approve')
  @Roles(...ACTION_ROLES.approve)
  @HttpCode(200)
  approve(@Caller() c: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Body(new ZodPipe(ZAction)) body: TActionRequest, @Headers('idempotency-key') key?: string): Promise<TActionResult> {
    return this.act(c, id, 'approve', body, key);
  }

  @Post('publish')
  @Roles(...ACTION_ROLES.publish)
  @HttpCode(200)
  publish(@Caller() c: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Body(new ZodPipe(ZAction)) body: TActionRequest, @Headers('idempotency-key') key?: string): Promise<TActionResult> {
    return this.act(c, id, 'publish', body, key);
  }

  @Post('revise')
  @Roles(...ACTION_ROLES.revise)
  @HttpCode(200)
  revise(@Caller() c: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Body(new ZodPipe(ZAction)) body: TActionRequest, @Headers('idempotency-key') key?: string): Promise<TActionResult> {
    return this.act(c, id, 'revise', body, key);
  }

  private act(caller: TCaller, id: string, action: WorkflowAction, body: TActionRequest & { reason?: string }, key: string | undefined): Promise<TActionResult> {
    if (key !== undefined && !ZIdempotencyKey.safeParse(key).success) {
      throw new AppError('VALIDATION_FAILED', 'The Idempotency-Key header is not valid', [{ path: 'Idempotency-Key', message: 'must be 8–128 visible ASCII characters' }]);
    }
    return this.workflow.act(caller, id, action, body, key);
  }
}
