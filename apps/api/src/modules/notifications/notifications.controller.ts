import { ZNotification, type TNotification } from '@budgetflow/domain';
import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { departmentScope } from '../../common/scope/department-scope';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { notFound } from '../../common/errors/app-error';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { IdPipe } from '../budgets/request-parts';
import { NotificationsRepository } from './notifications.repository';

documentRoute({ method: 'get', path: '/api/notifications', summary: "The caller's notifications (submit, return, approve, publish), newest first", tags: ['notifications'], access: ALL_ROLES, response: { status: 200, schema: z.object({ items: z.array(ZNotification) }) } });
documentRoute({ method: 'post', path: '/api/notifications/{id}/read', summary: 'Marks one of the caller\'s notifications read', tags: ['notifications'], access: ALL_ROLES, params: z.object({ id: z.uuid() }), response: { status: 204, description: 'Marked read' }, problems: [404] });

@Controller('api/notifications')
export class NotificationsController {
  private readonly notifications = new NotificationsRepository();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @Roles(...ALL_ROLES)
  async list(@Caller() caller: TCaller): Promise<{ items: TNotification[] }> {
    return { items: await this.notifications.listForUser(this.dataSource.manager, caller.userId, departmentScope(caller), 100) };
  }

  @Post(':id/read')
  @Roles(...ALL_ROLES)
  @HttpCode(204)
  async markRead(@Caller() caller: TCaller, @Param('id', new IdPipe('Notification')) id: string): Promise<void> {
    // Another user's notification answers exactly like a missing one.
    if (!(await this.notifications.markRead(this.dataSource.manager, caller.userId, id))) throw notFound('Notification');
  }
}
