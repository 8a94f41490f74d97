import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../errors/app-error';
import { TCaller } from './caller';

/** The request property where the AuthGuard puts the caller. */
export const CALLER_PROPERTY = 'budgetflowCaller';

export type TRequestWithCaller = Request & { [CALLER_PROPERTY]?: TCaller };

/** `@Caller() caller: TCaller` in a controller method of a @Roles(...) route. */
export const Caller = createParamDecorator((_data: unknown, ctx: ExecutionContext): TCaller => {
  const caller = ctx.switchToHttp().getRequest<TRequestWithCaller>()[CALLER_PROPERTY];
  // Only reachable if a @Public() route asks for a caller: a programming error, answered as 401.
  if (caller === undefined) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return caller;
});
