import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ZIdParams } from '../departments/dto/departments.schema';
import { TChangeRole, TCreateUser, TUpdateUser, TUser, ZChangeRole, ZCreateUser, ZUpdateUser, ZUser } from './dto/users.schema';
import { UsersService } from './users.service';

const tags = ['users'];
documentRoute({ method: 'get', path: '/api/users', summary: 'All accounts', tags, access: ['admin', 'security_admin'], response: { status: 200, schema: z.array(ZUser) } });
documentRoute({ method: 'post', path: '/api/users', summary: 'Create an account', tags, access: ['admin'], body: ZCreateUser, response: { status: 201, schema: ZUser }, problems: [409] });
documentRoute({ method: 'patch', path: '/api/users/{id}', summary: 'Rename, (de)activate, reset the password or change the review scope', tags, access: ['admin'], params: ZIdParams, body: ZUpdateUser, response: { status: 200, schema: ZUser } });
documentRoute({ method: 'patch', path: '/api/users/{id}/role', summary: 'Give an account another role (安全保密管理员); it signs in again', tags, access: ['security_admin'], params: ZIdParams, body: ZChangeRole, response: { status: 200, schema: ZUser } });
documentRoute({ method: 'post', path: '/api/users/{id}/totp/reset', summary: 'Remove an account’s two-factor sign-in, e.g. after a lost device (安全保密管理员)', tags, access: ['security_admin'], params: ZIdParams, response: { status: 204, description: 'Reset' } });

const ZSessionParams = z.strictObject({ id: z.uuid('must be a uuid'), sessionId: z.uuid('must be a uuid') });
const ZSession = z.object({ id: z.uuid(), createdAt: z.string(), expiresAt: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable() });
documentRoute({ method: 'get', path: '/api/users/{id}/sessions', summary: "A user's live sessions", tags, access: ['admin'], params: ZIdParams, response: { status: 200, schema: z.array(ZSession) }, problems: [404] });
documentRoute({ method: 'delete', path: '/api/users/{id}/sessions', summary: 'Sign the user out everywhere', tags, access: ['admin'], params: ZIdParams, response: { status: 204 }, problems: [404] });
documentRoute({ method: 'delete', path: '/api/users/{id}/sessions/{sessionId}', summary: 'Revoke one session', tags, access: ['admin'], params: ZSessionParams, response: { status: 204 }, problems: [404] });

@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'security_admin')
  list(): Promise<TUser[]> {
    return this.users.list();
  }

  @Post()
  @Roles('admin')
  create(@Caller() caller: TCaller, @Body(new ZodPipe(ZCreateUser)) body: TCreateUser): Promise<TUser> {
    return this.users.create(caller, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }, @Body(new ZodPipe(ZUpdateUser)) body: TUpdateUser): Promise<TUser> {
    return this.users.update(caller, params.id, body);
  }

  @Patch(':id/role')
  @Roles('security_admin')
  changeRole(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }, @Body(new ZodPipe(ZChangeRole)) body: TChangeRole): Promise<TUser> {
    return this.users.changeRole(caller, params.id, body);
  }

  @Post(':id/totp/reset')
  @Roles('security_admin')
  @HttpCode(204)
  resetTotp(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }): Promise<void> {
    return this.users.resetTotp(caller, params.id);
  }

  @Get(':id/sessions')
  @Roles('admin')
  sessions(@Param(new ZodPipe(ZIdParams)) params: { id: string }) {
    return this.users.liveSessions(params.id);
  }

  @Delete(':id/sessions')
  @HttpCode(204)
  @Roles('admin')
  revokeAll(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }): Promise<void> {
    return this.users.revokeSessions(caller, params.id);
  }

  @Delete(':id/sessions/:sessionId')
  @HttpCode(204)
  @Roles('admin')
  revokeOne(@Caller() caller: TCaller, @Param(new ZodPipe(ZSessionParams)) params: { id: string; sessionId: string }): Promise<void> {
    return this.users.revokeSessions(caller, params.id, params.sessionId);
  }
}
