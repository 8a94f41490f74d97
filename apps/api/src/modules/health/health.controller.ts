import { Controller, Get, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Public } from '../../common/auth/roles.decorator';
import { AppError } from '../../common/errors/app-error';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { JOB_DRIVER_NAMES } from '../../queue/job-driver';
import { PublicReads } from '../../database/replica/public-reads';
import { QueueClient } from '../../queue/queue-client';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']).describe('degraded: the jobs run on Redis and Redis does not answer; the API serves and new jobs wait in the outbox until it is back'),
  database: z.literal('ok'),
  redis: z.enum(['ok', 'down']),
  jobs: z.enum(JOB_DRIVER_NAMES).describe('who runs the jobs: BullMQ on Redis, or this process from the outbox (chosen at start)'),
  replica: z
    .enum(['used', 'behind', 'down'])
    .optional()
    .describe('with DATABASE_REPLICA_URL: whether the public reads go to the replica now, or to the primary because it is too far behind or does not answer'),
});

documentRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Liveness, database and Redis reachability, and who runs the jobs: 503 only without the database, which the API cannot serve without',
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
    @Inject(PublicReads) private readonly publicReads: PublicReads,
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
    const answers = await redis;
    // The in-process jobs need no Redis: its absence degrades nothing.
    const status = answers || this.queue.driver === 'in-process' ? 'ok' : 'degraded';
    const replica = this.publicReads.state();
    return { status, database: 'ok', redis: answers ? 'ok' : 'down', jobs: this.queue.driver, ...(replica === 'none' ? {} : { replica }) };
  }
}
