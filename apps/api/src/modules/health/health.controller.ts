import { Controller, Get, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Public } from '../../common/auth/roles.decorator';
import { AppError } from '../../common/errors/app-error';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { QueueClient } from '../../queue/queue-client';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']).describe('degraded: Redis does not answer; the API serves and new jobs wait in the outbox until it is back'),
  database: z.literal('ok'),
  redis: z.enum(['ok', 'down']),
});

documentRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Liveness, database and Redis reachability: 503 only without the database, which the API cannot serve without',
  tags: ['health'],
  access: 'public',
  response: { status: 200, schema: ZHealth },
  problems: [503],
});

@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly queue: QueueClient,
  ) {}

  @Get()
  @Public()
  async health(): Promise<z.infer<typeof ZHealth>> {
    const redis = this.queue.answers();
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', 'The database does not answer');
    }
    return (await redis) ? { status: 'ok', database: 'ok', redis: 'ok' } : { status: 'degraded', database: 'ok', redis: 'down' };
  }
}
