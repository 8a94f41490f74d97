import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, TAppConfig } from '../../config/app-config';
import { SessionService } from '../../modules/auth/session.service';
import { AppError } from '../errors/app-error';
import { CALLER_PROPERTY, TRequestWithCaller } from './caller.decorator';
import { CSRF_HEADER, csrfTokenMatches, SESSION_COOKIE } from './csrf';
import { TRole } from './role';
import { DURING_ENROLMENT_KEY, PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard (registered as APP_GUARD): @Public() routes pass; every other route needs a
 * valid session (Bearer token, or the httpOnly cookie plus X-CSRF-Token on unsafe methods)
 * and a role listed in its @Roles(...). A route with neither decorator is refused (fail closed).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: TAppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true) return true;
    const roles = this.reflector.getAllAndOverride<TRole[] | undefined>(ROLES_KEY, targets);

    const req = context.switchToHttp().getRequest<TRequestWithCaller>();
    const credential = credentialOf(req);
    if (credential === undefined) throw unauthenticated('Sign in first');
    const caller = await this.sessions.authenticate(credential.token);
    if (caller === null) throw unauthenticated('The session is invalid or has expired; sign in again');
    if (credential.viaCookie && !SAFE_METHODS.has(req.method) && !csrfTokenMatches(this.config.sessionSecret, credential.token, req.header(CSRF_HEADER))) {
      throw new AppError('CSRF_TOKEN_INVALID', 'Missing or wrong X-CSRF-Token header for a cookie-authenticated request');
    }
    if (roles === undefined) throw new AppError('FORBIDDEN', 'This route declares no roles');
    if (!roles.includes(caller.role)) throw new AppError('FORBIDDEN', `Your role (${caller.role}) may not do this`);
    if (caller.mustEnrolTotp && this.reflector.getAllAndOverride<boolean | undefined>(DURING_ENROLMENT_KEY, targets) !== true) {
      throw new AppError('TOTP_ENROLMENT_REQUIRED', 'Enrol two-factor sign-in (an authenticator app) first: POST /api/auth/totp/enrolment');
    }
    const { mustEnrolTotp: _mustEnrol, ...callerOnly } = caller;
    req[CALLER_PROPERTY] = callerOnly;
    return true;
  }
}

function unauthenticated(detail: string): AppError {
  return new AppError('UNAUTHENTICATED', detail, undefined, { 'WWW-Authenticate': 'Bearer' });
}

/** The session token of a request: a Bearer header, else the session cookie. Also used by the queue dashboard. */
export function credentialOf(req: Request): { token: string; viaCookie: boolean } | undefined {
  const header = req.header('authorization');
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    return match?.[1] === undefined ? undefined : { token: match[1], viaCookie: false };
  }
  const cookies = req.cookies as Record<string, unknown> | undefined;
  const cookie = cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie !== '' ? { token: cookie, viaCookie: true } : undefined;
}
