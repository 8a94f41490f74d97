import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module';
import { CeilingsModule } from '../ceilings/ceilings.module';
import { PublicModule } from '../public/public.module';
import { PublicationsModule } from '../publications/publications.module';
import { RevisionsModule } from '../revisions/revisions.module';
import { BureauModule } from '../bureau/bureau.module';
import { IdempotencyRepository } from './idempotency.repository';
import { OutboxRepository } from './outbox.repository';
import { ReviewedController, ReviewTrailController } from './review-trail.controller';
import { ReviewTrailRepository } from './review-trail.repository';
import { AdjustmentsRepository } from './adjustments.repository';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';
import { ReviewQueueService } from './review-queue.service';
import { SignOffController } from './sign-off.controller';
import { SignOffsRepository } from './sign-offs.repository';

@Module({
  imports: [BudgetsModule, RevisionsModule, PublicModule, PublicationsModule, BureauModule, CeilingsModule],
  controllers: [WorkflowController, ReviewTrailController, ReviewedController, SignOffController],
  providers: [WorkflowService, ReviewQueueService, IdempotencyRepository, OutboxRepository, ReviewTrailRepository, AdjustmentsRepository, SignOffsRepository],
})
export class WorkflowModule {}
