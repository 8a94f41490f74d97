import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { DeadLetterService, type TDeadJob } from './dead-letter.service';

documentRoute({ method: 'get', path: '/api/admin/jobs/failed', summary: 'Jobs that ran out of retries (the dead-letter list)', tags: ['admin'], access: ['admin'], response: { status: 200 }, problems: [503] });
documentRoute({
  method: 'post',
  path: '/api/admin/jobs/{queue}/{id}/retry',
  summary: 'Sends a failed job back to its queue (audited as job.retry)',
  tags: ['admin'],
  access: ['admin'],
  params: z.object({ queue: z.string(), id: z.string() }),
  response: { status: 204, description: 'Queued again' },
  problems: [404, 503],
});

@Controller('api/admin/jobs')
export class DeadLetterController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get('failed')
  @Roles('admin')
  async failed(): Promise<{ items: TDeadJob[] }> {
    return { items: await this.deadLetters.list() };
  }

  @Post(':queue/:id/retry')
  @Roles('admin')
  @HttpCode(204)
  async retry(@Caller() caller: TCaller, @Param('queue') queue: string, @Param('id') id: string): Promise<void> {
    await this.deadLetters.retry(queue, id, caller.username);
  }
}
