import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { parseOrThrow } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { ZActionRequest, ZIdempotencyKey, ZReturnRequest } from './dto/workflow-requests.schema';

export interface TActionRequestParts {
  budgetId: string;
  version?: number | undefined;
  reason?: string | undefined;
  idempotencyKey: string | undefined;
}

/** An action without a body is an action with an empty one. */
const orEmpty = <S extends z.ZodType>(schema: S) => z.preprocess((value) => value ?? {}, schema);
const BODIES = { action: orEmpty(ZActionRequest), return: orEmpty(ZReturnRequest) } as const;
const budgetId = new IdPipe('Budget');

/**
 * Everything a workflow route reads from its request, checked: the budget id of the path (404 if
 * it is not one), the body (`{version?}`, or `{version?, reason}` for 'return') and the optional
 * Idempotency-Key header. `@ActionRequest('return') parts: TActionRequestParts`.
 */
export const ActionRequest = createParamDecorator((body: keyof typeof BODIES, ctx: ExecutionContext): TActionRequestParts => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const key = req.header('idempotency-key');
  if (key !== undefined && !ZIdempotencyKey.safeParse(key).success) {
    throw new AppError('VALIDATION_FAILED', 'The Idempotency-Key header is not valid', [{ path: 'Idempotency-Key', message: 'must be 8–128 visible ASCII characters' }]);
  }
  const parsed: { version?: number; reason?: string } = parseOrThrow(BODIES[body], req.body);
  return { budgetId: budgetId.transform(req.params['id']), version: parsed.version, reason: parsed.reason, idempotencyKey: key };
});
