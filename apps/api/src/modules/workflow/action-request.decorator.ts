import type { AdjustmentKind } from '@budgetflow/domain';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { parseOrThrow } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { ZSignOffRequest } from './dto/sign-off.schema';
import { ZActionRequest, ZAdjustRequest, ZApproveRequest, ZIdempotencyKey, ZIssueCeilingsRequest, ZReturnRequest, ZReviseRequest } from './dto/workflow-requests.schema';

export interface TActionRequestParts {
  budgetId: string;
  version?: number | undefined;
  reason?: string | undefined;
  opinion?: string | undefined;
  documentNo?: string | undefined;
  date?: string | undefined;
  kind?: AdjustmentKind | undefined;
  idempotencyKey: string | undefined;
}

/** An action without a body is an action with an empty one. */
const orEmpty = <S extends z.ZodType>(schema: S) => z.preprocess((value) => value ?? {}, schema);
export const ACTION_BODIES = {
  action: ZActionRequest,
  return: ZReturnRequest,
  approve: ZApproveRequest,
  revise: ZReviseRequest,
  'issue-ceilings': ZIssueCeilingsRequest,
  adjust: ZAdjustRequest,
  'sign-off': ZSignOffRequest,
} as const;
const budgetId = new IdPipe('Budget');

/**
 * Everything a workflow route reads from its request, checked: the budget id of the path (404 if
 * it is not one), the body (ACTION_BODIES: `{version?}`, `{version?, reason}` for 'return', …)
 * and the optional Idempotency-Key header. `@ActionRequest('return') parts: TActionRequestParts`.
 */
export const ActionRequest = createParamDecorator((body: keyof typeof ACTION_BODIES, ctx: ExecutionContext): TActionRequestParts => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const key = req.header('idempotency-key');
  if (key !== undefined && !ZIdempotencyKey.safeParse(key).success) {
    throw new AppError('VALIDATION_FAILED', 'The Idempotency-Key header is not valid', [{ path: 'Idempotency-Key', message: 'must be 8–128 visible ASCII characters' }]);
  }
  const parsed: Omit<TActionRequestParts, 'budgetId' | 'idempotencyKey'> = parseOrThrow(orEmpty(ACTION_BODIES[body]), req.body);
  return { ...parsed, budgetId: budgetId.transform(req.params['id']), idempotencyKey: key };
});
