import { Module } from '@nestjs/common';
import { QueueClientModule } from '../queue-client.module';
import { DeadLetterController } from './dead-letter.controller';
import { DeadLetterService } from './dead-letter.service';

/** Administrators' view of the queues: the dead-letter list and its retry. */
@Module({ imports: [QueueClientModule], controllers: [DeadLetterController], providers: [DeadLetterService] })
export class QueueAdminModule {}
