import { AuditLog1795600200000 } from './1795600200000-audit-log';
import { BudgetDerivationPayload1795900000000 } from './1795900000000-budget-derivation-payload';
import { BudgetsWorkflow1795720000000 } from './1795720000000-budgets-workflow';
import { CatalogueEditions1795600100000 } from './1795600100000-catalogue-editions';
import { DemoAccounts1795600300000 } from './1795600300000-demo-accounts';
import { PeopleAndDepartments1795600000000 } from './1795600000000-people-and-departments';
import { JobsPublicationFiles1795800000000 } from './1795800000000-jobs-publication-files';
import { LineChangeStamps1796000000000 } from './1796000000000-line-change-stamps';
import { DerivationPayloadLz41796000100000 } from './1796000100000-derivation-payload-lz4';
import { OutboxByBudget1796000200000 } from './1796000200000-outbox-by-budget';
import { RevisionFiles1796000300000 } from './1796000300000-revision-files';
import { OutboxInProcessJobs1797000000000 } from './1797000000000-outbox-in-process-jobs';
import { CatalogueUploads1797300000000 } from './1797300000000-catalogue-uploads';
import { FiscalYearTemplate1797400000000 } from './1797400000000-fiscal-year-template';
import { LoginFailureWindows1797100000000 } from './1797100000000-login-failure-windows';
import { ReadIndexes1797200000000 } from './1797200000000-read-indexes';
import { LineOrdinalCounter1797200100000 } from './1797200100000-line-ordinal-counter';
import { AuditChainedAfterCommit1797200200000 } from './1797200200000-audit-chained-after-commit';
import { ReviewChain1797500000000 } from './1797500000000-review-chain';
import { BudgetAdjustments1797500100000 } from './1797500100000-budget-adjustments';
import { DepartmentCeilings1797510000000 } from './1797510000000-department-ceilings';
import { BudgetFigures1797510100000 } from './1797510100000-budget-figures';
import { RevisionChecks1797520000000 } from './1797520000000-revision-checks';
import { PublicDisclosureDigests1797550000000 } from './1797550000000-public-disclosure-digests';
import { SignedHeadsAndSignIn1797560000000 } from './1797560000000-signed-heads-and-sign-in';
import { OutboxRequestId1797570000000 } from './1797570000000-outbox-request-id';
import { WorkbookPreviews1797600000000 } from './1797600000000-workbook-previews';
import { LineSums1797700000000 } from './1797700000000-line-sums';
import { FoldedFunctionNames1797900000000 } from './1797900000000-folded-function-names';
import { CorrectionsAndSignOff1797950000000 } from './1797950000000-corrections-and-sign-off';
import { NotificationStages1798160000000 } from './1798160000000-notification-stages';
import { PortalGeneration1798200000000 } from './1798200000000-portal-generation';
import { UnitBudgets1798300000000 } from './1798300000000-unit-budgets';
import { UnitDisclosures1798400000000 } from './1798400000000-unit-disclosures';
import { DeskCeilingFigures1798410000000 } from './1798410000000-desk-ceiling-figures';
import { FunctionNamesTrigrams1798500000000 } from './1798500000000-function-names-trigrams';
import { PartitionedLines1798600000000 } from './1798600000000-partitioned-lines';
import { UnitDeadlineNotices1798700000000 } from './1798700000000-unit-deadline-notices';

/**
 * Every migration, oldest first. Add yours at the end with a newer timestamp; never edit one
 * that has landed. An explicit list (not a glob) so the same code runs under tsx, jest and node.
 */
export const MIGRATIONS = [PeopleAndDepartments1795600000000, CatalogueEditions1795600100000, AuditLog1795600200000, DemoAccounts1795600300000, BudgetsWorkflow1795720000000, JobsPublicationFiles1795800000000, BudgetDerivationPayload1795900000000, LineChangeStamps1796000000000, DerivationPayloadLz41796000100000, OutboxByBudget1796000200000, RevisionFiles1796000300000, OutboxInProcessJobs1797000000000, LoginFailureWindows1797100000000, ReadIndexes1797200000000, LineOrdinalCounter1797200100000, AuditChainedAfterCommit1797200200000, CatalogueUploads1797300000000, FiscalYearTemplate1797400000000, ReviewChain1797500000000, BudgetAdjustments1797500100000, DepartmentCeilings1797510000000, BudgetFigures1797510100000, RevisionChecks1797520000000, PublicDisclosureDigests1797550000000, SignedHeadsAndSignIn1797560000000, OutboxRequestId1797570000000, WorkbookPreviews1797600000000, LineSums1797700000000, FoldedFunctionNames1797900000000, CorrectionsAndSignOff1797950000000, NotificationStages1798160000000, PortalGeneration1798200000000, UnitBudgets1798300000000, UnitDisclosures1798400000000, DeskCeilingFigures1798410000000, FunctionNamesTrigrams1798500000000, PartitionedLines1798600000000, UnitDeadlineNotices1798700000000];
