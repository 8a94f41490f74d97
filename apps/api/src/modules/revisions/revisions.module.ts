import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module';
import { RevisionsController } from './revisions.controller';
import { RevisionsRepository } from './revisions.repository';
import { RevisionsService } from './revisions.service';

@Module({
  imports: [BudgetsModule],
  controllers: [RevisionsController],
  providers: [RevisionsService, RevisionsRepository],
  exports: [RevisionsRepository],
})
export class RevisionsModule {}
