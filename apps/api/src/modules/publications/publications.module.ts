import { Module } from '@nestjs/common';
import { PublicationFilesController } from './publication-files.controller';
import { PublicationFilesService } from './publication-files.service';
import { PublicationGate } from './publication-gate';

/** Published files: served under /api/public/files/:id; PublicationFilesService lists them; PublicationGate publishes. */
@Module({
  controllers: [PublicationFilesController],
  providers: [PublicationFilesService, PublicationGate],
  exports: [PublicationFilesService, PublicationGate],
})
export class PublicationsModule {}
