import { Module } from '@nestjs/common';
import { QueueClientModule } from '../../queue/queue-client.module';
import { HealthController } from './health.controller';

@Module({ imports: [QueueClientModule], controllers: [HealthController] })
export class HealthModule {}
