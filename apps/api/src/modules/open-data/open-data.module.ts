import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenDataRepository } from './open-data.repository';
import { OpenDataService } from './open-data.service';

/** Line-level open data: per publication and per year, CSV, Fiscal Data Package and paged JSON. */
@Module({
  controllers: [OpenDataController],
  providers: [OpenDataRepository, OpenDataService],
})
export class OpenDataModule {}
