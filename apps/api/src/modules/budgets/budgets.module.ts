import { Module } from '@nestjs/common';
import { QueueClientModule } from '../../queue/queue-client.module';
import { BureauModule } from '../bureau/bureau.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { BudgetJobsController } from './budget-jobs.controller';
import { BudgetJobsService } from './budget-jobs.service';
import { BudgetDerivationService } from './budget-derivation.service';
import { BudgetLinesRepository } from './budget-lines.repository';
import { BudgetWorkbookController } from './budget-workbook.controller';
import { DocumentExportService } from './document-export.service';
import { WorkbookImportService } from './workbook-import.service';
import { BudgetsController } from './budgets.controller';
import { BudgetsRepository } from './budgets.repository';
import { LineStatistics } from './line-statistics';
import { BudgetsService } from './budgets.service';
import { CarryForwardSourceRepository } from './carry-forward-source.repository';
import { DepartmentDraftRepository } from './department-draft.repository';
import { UnitBudgetsRepository } from './units/unit-budgets.repository';
import { UnitBudgetsService } from './units/unit-budgets.service';

@Module({
  imports: [QueueClientModule, CatalogueModule, BureauModule],
  controllers: [BudgetsController, BudgetWorkbookController, BudgetJobsController],
  providers: [BudgetsService, LineStatistics, DocumentExportService, WorkbookImportService, BudgetJobsService, BudgetsRepository, BudgetLinesRepository, BudgetDerivationService, DepartmentDraftRepository, CarryForwardSourceRepository, UnitBudgetsRepository, UnitBudgetsService],
  exports: [BudgetsService, BudgetsRepository, BudgetLinesRepository, BudgetDerivationService, UnitBudgetsService],
})
export class BudgetsModule {}
