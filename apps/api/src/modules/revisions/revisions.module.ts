import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module';
import { RevisionFilesController } from './revision-files.controller';
import { RevisionFilesService } from './revision-files.service';
import { RevisionsController } from './revisions.controller';
import { RevisionsRepository } from './revisions.repository';
import { RevisionsService } from './revisions.service';

@Module({
  imports: [BudgetsModule],
  controllers: [RevisionsController, RevisionFilesController],
  providers: [RevisionsService, RevisionFilesService, RevisionsRepository],
  exports: [RevisionsRepository],
})
export class RevisionsModule {}
