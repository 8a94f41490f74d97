import { Module } from '@nestjs/common';
import { PublicationFilesController } from './publication-files.controller';
import { PublicationFilesService } from './publication-files.service';

/** Published files: served under /api/public/files/:id; PublicationFilesService lists them. */
@Module({
  controllers: [PublicationFilesController],
  providers: [PublicationFilesService],
  exports: [PublicationFilesService],
})
export class PublicationsModule {}
