import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';

/** In-app notifications, written by the worker's notify job and read here by their recipients. */
@Module({ controllers: [NotificationsController] })
export class NotificationsModule {}
