import { Module } from '@nestjs/common';
import { QueueClient } from './queue-client';

/** The API process's connection to the queues (QueueClient), one for every module that imports it. */
@Module({ providers: [QueueClient], exports: [QueueClient] })
export class QueueClientModule {}
