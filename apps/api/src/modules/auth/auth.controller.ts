import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, TAppConfig } from '../../config/app-config';
import { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../common/auth/csrf';
import { ALL_ROLES } from '../../common/auth/role';
import { Public, Roles } from '../../common/auth/roles.decorator';
import { clientInfo } from '../../common/http/client-info';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { AuthService } from './auth.service';
import { TLoginRequest, TLoginResponse, TSessionUser, ZLoginRequest, ZLoginResponse, ZSessionUser } from './dto/login.schema';

const ZMe = ZSessionUser.extend({ reviewScope: z.union([z.literal('all'), z.array(z.uuid())]) });

documentRoute({ method: 'post', path: '/api/auth/login', summary: 'Sign in; answers a bearer token and sets the session cookie', tags: ['auth'], access: 'public', body: ZLoginRequest, response: { status: 200, schema: ZLoginResponse }, problems: [401, 429] });
documentRoute({ method: 'post', path: '/api/auth/logout', summary: 'Sign out (revokes the session)', tags: ['auth'], access: ALL_ROLES, response: { status: 204, description: 'Signed out' } });
documentRoute({ method: 'get', path: '/api/auth/me', summary: 'The signed-in user', tags: ['auth'], access: ALL_ROLES, response: { status: 200, schema: ZMe } });

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
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
  @Roles(...ALL_ROLES)
  @HttpCode(204)
  async logout(@Caller() caller: TCaller, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(caller);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions(undefined));
    res.clearCookie(CSRF_COOKIE, this.cookieOptions(undefined));
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  me(@Caller() caller: TCaller): TSessionUser & { reviewScope: 'all' | readonly string[] } {
    return { id: caller.userId, username: caller.username, role: caller.role, departmentCode: caller.departmentCode, reviewScope: caller.reviewDepartmentIds };
  }

  private cookieOptions(expires: Date | undefined): CookieOptions {
    return { path: '/', sameSite: 'strict', secure: this.config.mode === 'production', ...(expires ? { expires } : {}) };
  }
}
