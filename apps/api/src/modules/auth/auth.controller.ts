import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, TAppConfig } from '../../config/app-config';
import { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../common/auth/csrf';
import { EVERY_ROLE } from '../../common/auth/role';
import { DuringEnrolment, Public, Roles } from '../../common/auth/roles.decorator';
import { clientInfo } from '../../common/http/client-info';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { AuthService } from './auth.service';
import { AccountService } from './account.service';
import {
  TChangePassword,
  TConfirmTotp,
  TLoginRequest,
  TLoginResponse,
  TSessionUser,
  ZChangePassword,
  ZConfirmTotp,
  ZLoginRequest,
  ZLoginResponse,
  ZRecoveryCodes,
  ZSessionUser,
  ZTotpEnrolment,
} from './dto/login.schema';
import type { TTotpEnrolment } from './totp';

const ZMe = ZSessionUser.extend({ reviewScope: z.union([z.literal('all'), z.array(z.uuid())]) });

documentRoute({ method: 'post', path: '/api/auth/login', summary: 'Sign in; answers a bearer token and sets the session cookie', tags: ['auth'], access: 'public', body: ZLoginRequest, response: { status: 200, schema: ZLoginResponse }, problems: [401, 429] });
documentRoute({ method: 'post', path: '/api/auth/logout', summary: 'Sign out (revokes the session)', tags: ['auth'], access: EVERY_ROLE, response: { status: 204, description: 'Signed out' } });
documentRoute({ method: 'get', path: '/api/auth/me', summary: 'The signed-in user', tags: ['auth'], access: EVERY_ROLE, response: { status: 200, schema: ZMe } });
documentRoute({ method: 'post', path: '/api/auth/password', summary: 'Change one’s own password (policy: length, not common or breached, not one of the last); signs out every other session', tags: ['auth'], access: EVERY_ROLE, body: ZChangePassword, response: { status: 204, description: 'Changed' }, problems: [400] });
documentRoute({ method: 'post', path: '/api/auth/totp/enrolment', summary: 'Start two-factor enrolment: a new TOTP secret, its otpauth URI and QR code', tags: ['auth'], access: EVERY_ROLE, response: { status: 200, schema: ZTotpEnrolment }, problems: [409] });
documentRoute({ method: 'post', path: '/api/auth/totp/enrolment/confirm', summary: 'Confirm the enrolment with a code; answers the single-use recovery codes once', tags: ['auth'], access: EVERY_ROLE, body: ZConfirmTotp, response: { status: 200, schema: ZRecoveryCodes }, problems: [400, 409] });

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly account: AccountService,
    @Inject(APP_CONFIG) private readonly config: TAppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Body(new ZodPipe(ZLoginRequest)) body: TLoginRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TLoginResponse> {
    const answer = await this.auth.login(body, clientInfo(req));
    const expires = new Date(answer.expiresAt);
    res.cookie(SESSION_COOKIE, answer.accessToken, { ...this.cookieOptions(expires), httpOnly: true });
    // Readable by the page's script, which echoes it in X-CSRF-Token.
    res.cookie(CSRF_COOKIE, answer.csrfToken, { ...this.cookieOptions(expires), httpOnly: false });
    return answer;
  }

  @Post('logout')
  @Roles(...EVERY_ROLE)
  @DuringEnrolment()
  @HttpCode(204)
  async logout(@Caller() caller: TCaller, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(caller);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions(undefined));
    res.clearCookie(CSRF_COOKIE, this.cookieOptions(undefined));
  }

  @Get('me')
  @Roles(...EVERY_ROLE)
  @DuringEnrolment()
  async me(@Caller() caller: TCaller): Promise<TSessionUser & { reviewScope: 'all' | readonly string[] }> {
    const [secondFactor, office, unit] = await Promise.all([this.account.secondFactorOf(caller), this.account.officeOf(caller.userId), this.account.unitOf(caller.userId)]);
    return { id: caller.userId, username: caller.username, role: caller.role, departmentCode: caller.departmentCode, ...secondFactor, reviewScope: caller.reviewDepartmentIds, office, unit };
  }

  @Post('password')
  @Roles(...EVERY_ROLE)
  @DuringEnrolment()
  @HttpCode(204)
  async changePassword(@Caller() caller: TCaller, @Body(new ZodPipe(ZChangePassword)) body: TChangePassword): Promise<void> {
    await this.account.changePassword(caller, body);
  }

  @Post('totp/enrolment')
  @Roles(...EVERY_ROLE)
  @DuringEnrolment()
  @HttpCode(200)
  startEnrolment(@Caller() caller: TCaller): Promise<TTotpEnrolment> {
    return this.account.startEnrolment(caller);
  }

  @Post('totp/enrolment/confirm')
  @Roles(...EVERY_ROLE)
  @DuringEnrolment()
  @HttpCode(200)
  confirmEnrolment(@Caller() caller: TCaller, @Body(new ZodPipe(ZConfirmTotp)) body: TConfirmTotp): Promise<{ recoveryCodes: string[] }> {
    return this.account.confirmEnrolment(caller, body.code);
  }

  private cookieOptions(expires: Date | undefined): CookieOptions {
    return { path: '/', sameSite: 'strict', secure: this.config.mode === 'production', ...(expires ? { expires } : {}) };
  }
}
