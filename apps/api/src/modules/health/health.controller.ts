import { Controller, Get, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Public } from '../../common/auth/roles.decorator';
import { AppError } from '../../common/errors/app-error';
import { documentRoute } from '../../common/openapi/openapi.registry';

const ZHealth = z.object({ status: z.literal('ok'), database: z.literal('ok') });

documentRoute({ method: 'get', path: '/api/health', summary: 'Liveness and database reachability', tags: ['health'], access: 'public', response: { status: 200, schema: ZHealth }, problems: [503] });

@Controller('api/health')
export class HealthController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  async health(): Promise<z.infer<typeof ZHealth>> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', 'The database does not answer');
    }
    return { status: 'ok', database: 'ok' };
  }
}
