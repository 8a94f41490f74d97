import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ZIdParams } from '../departments/dto/departments.schema';
import { TCreateUser, TUpdateUser, TUser, ZCreateUser, ZUpdateUser, ZUser } from './dto/users.schema';
import { UsersService } from './users.service';

const tags = ['users'];
documentRoute({ method: 'get', path: '/api/users', summary: 'All accounts', tags, access: ['admin'], response: { status: 200, schema: z.array(ZUser) } });
documentRoute({ method: 'post', path: '/api/users', summary: 'Create an account', tags, access: ['admin'], body: ZCreateUser, response: { status: 201, schema: ZUser }, problems: [409] });
documentRoute({ method: 'patch', path: '/api/users/{id}', summary: 'Rename, (de)activate, reset the password or change the review scope', tags, access: ['admin'], params: ZIdParams, body: ZUpdateUser, response: { status: 200, schema: ZUser } });

@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
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
}
