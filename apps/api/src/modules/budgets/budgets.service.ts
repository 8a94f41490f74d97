import { carryForward, firstRound, formatYuan, MAX_BUDGET_YUAN, ZBudgetDocument, type Catalogue, type TBudgetDocument, type TCarriedForward, type TExpenditureLine } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { AppError, notFound, type TFieldError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ReviewChainsRepository } from '../bureau/review-chains.repository';
import { BudgetDerivationService, type TSerializedDerivation } from './budget-derivation.service';
import { LineStatistics } from './line-statistics';
import { BudgetLinesRepository, type TLineStamp } from './budget-lines.repository';
import { BudgetUnitCodes } from './budget-unit-codes';
import type { TBudgetRow } from './budget-row';
import { BudgetsRepository, type TBudgetListFilter, type TBudgetSummaryRow, type TLineSums, type TOpeningReason } from './budgets.repository';
import { CarryForwardSourceRepository } from './carry-forward-source.repository';
import { DepartmentDraftRepository } from './department-draft.repository';
import type { TCreateBudgetRequest, TLinesPatchRequest, TReadBudgetQuery } from './dto/budget-requests.schema';
import { CatalogueInForce } from '../catalogue/catalogue-in-force';
import { unknownLineCodes, withGovernmentCode } from './line-codes';
import { catalogueOfYear } from './year-catalogue';
import { readDocument } from './document-read';
import { splitDocument, toExpenditureLine, toIncomeLine } from './mappers/budget-document.mapper';
import { EDITABLE_STATES, versionConflict } from './budget-versioning';
import { UnitBudgetsService, type TUnitBudgetSummary } from './units/unit-budgets.service';

/** A budget as read, without its derived part (spliced in as prepared JSON, see BudgetDerivationService). */
export interface TBudgetHead extends TBudgetSummary {
  returnReason: string | null;
  /** the reason of the 更正 or 预算调整 that opened this revision, for everyone working on it */
  openedFor: TOpeningReason | null;
  /** beside a 部门预算: its units' budgets of the year, whose lines it holds consolidated and read-only */
  unitBudgets: TUnitBudgetSummary[];
  lines: {
    expenditure: { page: number; pageSize: number; items: ReturnType<typeof toExpenditureLine>[] };
    income: ReturnType<typeof toIncomeLine>[];
  };
}

/** What creating from last year carried, and the lines left out because the new year's catalogue has not their codes. */
export interface TBudgetCarried extends TCarriedForward {
  linesLeftOut: string[];
}

export interface TBudgetSummary {
  id: string;
  department: { id: string; code: string; name: string };
  /** a 单位预算: its unit; null for the 部门预算 */
  unit: { code: string; name: string } | null;
  fiscalYear: number;
  state: TBudgetRow['state'];
  version: number;
  revisionNo: number;
  updatedAt: string;
  /** the 批复's date (YYYY-MM-DD): the 20 days to publish run from it; null before it */
  repliedOn: string | null;
}

/** Budgets as preparers keep them: create, read, edit lines, import and export the whole document. */
@Injectable()
export class BudgetsService {
  private readonly unitCodes: BudgetUnitCodes;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgets: BudgetsRepository,
    private readonly lines: BudgetLinesRepository,
    private readonly departments: DepartmentDraftRepository,
    private readonly derivations: BudgetDerivationService,
    private readonly audit: AuditService,
    private readonly catalogues: CatalogueInForce,
    private readonly carrySources: CarryForwardSourceRepository,
    private readonly chains: ReviewChainsRepository,
    private readonly unitBudgets: UnitBudgetsService,
    private readonly statistics: LineStatistics,
  ) {
    this.unitCodes = new BudgetUnitCodes(budgets);
  }

  async list(caller: TCaller, filter: TBudgetListFilter): Promise<{ items: TBudgetSummary[]; page: number; pageSize: number; total: number }> {
    const { items, total } = await this.budgets.listVisible(this.dataSource.manager, caller, filter);
    return { items: items.map(toSummary), page: filter.page, pageSize: filter.pageSize, total };
  }

  async create(caller: TCaller, request: TCreateBudgetRequest): Promise<TBudgetSummary & { carried?: TBudgetCarried }> {
    const departmentId = this.departmentFor(caller, request.departmentId);
    return this.dataSource.transaction(async (m) => {
      const department = await this.departments.findForDraft(m, departmentId);
      if (department === undefined) throw notFound('Department');
      const template = await this.departments.openYearTemplate(m, request.fiscalYear);
      if (template === undefined) {
        throw new AppError('VALIDATION_FAILED', 'The fiscal year is not open for budgets', [
          { path: 'fiscalYear', message: `${request.fiscalYear} is not an open fiscal year` },
        ]);
      }
      // A year without a classification catalogue could hold no valid line: refused here, not at every read.
      const catalogue = await catalogueOfYear(this.catalogues, request.fiscalYear, m);
      const empty = ZBudgetDocument.parse({
        schemaVersion: 1,
        fiscalYear: request.fiscalYear,
        template,
        department: { code: department.code, name: department.name, units: department.units, staffing: { authorized: 0, actual: 0, retired: 0 } },
        incomeLines: [],
        expenditureLines: [],
      });
      const unitCode = caller.unitCode ?? null;
      if (unitCode !== null && request.fromRevision !== undefined) {
        throw new AppError('VALIDATION_FAILED', "A unit's budget starts from its part of the department's budget of the year", [
          { path: 'fromRevision', message: "a unit's budget is not carried from last year: it starts from the department's" },
        ]);
      }
      // A unit's budget starts from its part of the department's; the department's from last year, or empty.
      const unitStart = unitCode === null ? undefined : await this.unitBudgets.startOf(m, departmentId, request.fiscalYear, unitCode);
      const from = request.fromRevision;
      const start = from === undefined ? undefined : await this.carriedStart(m, { departmentId, fiscalYear: request.fiscalYear, ...from }, template, catalogue);
      const document = unitStart?.document ?? start?.document ?? empty;
      const { rest, expenditureLines, incomeLines } = splitDocument(document);
      // The year's chain decides whether the budget starts with a proposal (一上) or within given ceilings; a unit's is reviewed by its department.
      const round = unitCode !== null ? 'unit' : firstRound(await this.chains.forDepartment(m, departmentId, request.fiscalYear));
      const id = await this.budgets.insertDraft(m, departmentId, request.fiscalYear, rest, round, unitCode);
      if (id === undefined) throw new AppError('CONFLICT', `${unitCode === null ? 'The department' : `Unit ${unitCode}`} already has a budget for ${request.fiscalYear}`);
      if (start !== undefined || unitStart !== undefined) await this.lines.replaceAll(m, { id, fiscal_year: request.fiscalYear }, 1, expenditureLines, incomeLines);
      const carried = start === undefined ? {} : { fromRevision: request.fromRevision, carried: start.carried };
      const ofUnit = unitStart === undefined ? {} : { unitCode, fromDepartmentBudget: unitStart.departmentBudgetId, expenditureLines: expenditureLines.length };
      await this.audit.append(m, { actor: caller.username, action: 'budget.create', entity: 'budget', entityId: id, budgetId: id, payload: { fiscalYear: request.fiscalYear, departmentId, ...carried, ...ofUnit } });
      return { ...toSummary(await this.mustFind(m, caller, id)), ...(start === undefined ? {} : { carried: start.carried }) };
    });
  }

  /**
   * Last year's approved or published revision of the caller's own department carried into the new
   * year (the domain's carryForward). Another department's revision, a draft's, or one of another
   * year is 404, as if it did not exist. Lines whose codes the new year's catalogue refuses are left out, and said.
   */
  private async carriedStart(
    m: EntityManager,
    into: { departmentId: string; fiscalYear: number; budgetId: string; revisionNo: number },
    template: string,
    catalogue: Catalogue,
  ): Promise<{ document: TBudgetDocument; carried: TBudgetCarried }> {
    const previous = await this.carrySources.findApprovedRevision(m, { ...into, fiscalYear: into.fiscalYear - 1 });
    if (previous === undefined) throw notFound('Revision');
    const { document, carried } = carryForward(ZBudgetDocument.parse(previous), { fiscalYear: into.fiscalYear, template });
    const units = new Set(document.department.units.map((u) => u.code));
    const fits = (line: TExpenditureLine) => unknownLineCodes([line], catalogue, units, 'expenditureLines').length === 0;
    const kept = document.expenditureLines.filter(fits);
    const linesLeftOut = document.expenditureLines.filter((l) => !fits(l)).map((l) => l.id);
    return { document: { ...document, expenditureLines: kept }, carried: { ...carried, expenditureLines: kept.length, linesLeftOut } };
  }

  async read(caller: TCaller, id: string, query: TReadBudgetQuery): Promise<{ head: TBudgetHead; derived: TSerializedDerivation }> {
    const m = this.dataSource.manager;
    const budget = await this.mustFind(m, caller, id);
    const [derived, page, income, catalogue, openedFor, unitBudgets] = await Promise.all([
      this.derivations.serialized(budget),
      this.lines.expenditurePage(m, budget, query.linePage, query.linePageSize),
      this.lines.loadIncome(m, budget),
      catalogueOfYear(this.catalogues, budget.fiscal_year, m),
      this.budgets.openingReason(m, id, budget.revision_no),
      this.unitBudgets.summariesOf(m, budget),
    ]);
    const head: TBudgetHead = {
      ...toSummary(budget),
      returnReason: budget.return_reason,
      openedFor,
      unitBudgets,
      lines: { expenditure: { page: query.linePage, pageSize: query.linePageSize, items: page.map((row) => withGovernmentCode(toExpenditureLine(row), catalogue)) }, income: income.map(toIncomeLine) },
    };
    return { head, derived };
  }

  /** Adds, replaces and removes lines in one step, if nobody changed the budget since `version`. */
  async patchLines(caller: TCaller, id: string, patch: TLinesPatchRequest, version: number): Promise<{ id: string; version: number }> {
    const manager = this.dataSource.manager;
    const budget = await this.mustFind(manager, caller, id);
    this.unitBudgets.refuseForeignEditor(caller, budget);
    // Independent lookups, each a round trip of its own: asked at once, not one after the other.
    const [, units, catalogue] = await Promise.all([
      this.unitBudgets.refuseLineEdit(manager, budget, patch),
      this.unitCodes.of(manager, budget),
      catalogueOfYear(this.catalogues, budget.fiscal_year),
    ]);
    const codeErrors = unknownLineCodes(patch.upsertExpenditure, catalogue, units, 'upsertExpenditure');
    if (codeErrors.length > 0) throw new AppError('VALIDATION_FAILED', 'Some lines name codes that do not exist', codeErrors);
    const ordinals = patch.upsertExpenditure.length + patch.upsertIncome.length;
    // Lines written may pass the most a budget holds; lines only removed cannot.
    const bound = ordinals > 0 ? refuseOverBudget : undefined;
    const edited = await this.edit(caller, id, version, { action: 'budget.lines.edit', ordinals, bound }, async (m, at) => {
      const missing: TFieldError[] = [
        ...(await this.lines.removeExpenditure(m, budget, patch.removeExpenditure, at.version)).map((lineId) => noSuchLine('removeExpenditure', patch.removeExpenditure, lineId)),
        ...(await this.lines.removeIncome(m, budget, patch.removeIncome)).map((lineId) => noSuchLine('removeIncome', patch.removeIncome, lineId)),
      ];
      if (missing.length > 0) throw new AppError('VALIDATION_FAILED', 'Some lines to remove do not exist', missing);
      await this.lines.upsertExpenditure(m, budget, patch.upsertExpenditure, at);
      await this.lines.upsertIncome(m, budget, patch.upsertIncome, at.firstOrdinal + patch.upsertExpenditure.length);
      return {
        upsertedExpenditure: patch.upsertExpenditure.map((l) => l.id),
        removedExpenditure: patch.removeExpenditure,
        upsertedIncome: patch.upsertIncome.map((l) => l.id),
        removedIncome: patch.removeIncome,
      };
    });
    this.statistics.afterWrite(budget.fiscal_year, patch.upsertExpenditure.length);
    return edited;
  }

  /** Replaces the whole working copy by an imported document (the domain's JSON format). */
  async importDocument(caller: TCaller, id: string, document: TBudgetDocument, version: number, action = 'budget.document.import'): Promise<{ id: string; version: number }> {
    const budget = await this.checkImport(caller, id, document);
    const imported = await this.edit(caller, id, version, { action, ordinals: 0 }, async (m, at) => {
      // A document that names no template prints under the one in force for its year.
      const template = document.template ?? (await this.departments.yearTemplate(m, budget.fiscal_year));
      const { rest, expenditureLines, incomeLines } = splitDocument({ ...document, template });
      await this.lines.replaceAll(m, budget, at.version, expenditureLines, incomeLines);
      await this.budgets.replaceDocumentRest(m, id, rest);
      return { expenditureLines: expenditureLines.length, incomeLines: incomeLines.length };
    });
    this.statistics.afterWrite(budget.fiscal_year, document.expenditureLines.length);
    return imported;
  }

  /** Refuses (400) a document that does not fit the budget: its department and year, codes the catalogue lacks. */
  async checkImport(caller: TCaller, id: string, document: TBudgetDocument): Promise<TBudgetRow> {
    const budget = await this.mustFind(this.dataSource.manager, caller, id);
    this.unitBudgets.refuseForeignEditor(caller, budget);
    await this.unitBudgets.refuseImport(this.dataSource.manager, budget, document);
    const errors = documentMismatch(budget, document);
    const units = new Set(document.department.units.map((u) => u.code));
    errors.push(...unknownLineCodes(document.expenditureLines, await this.catalogueOf(budget.fiscal_year), units, 'expenditureLines'));
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'The document does not fit this budget', errors);
    return budget;
  }

  /** The catalogue edition in force for a fiscal year. */
  catalogueOf(fiscalYear: number): Promise<Catalogue> {
    return catalogueOfYear(this.catalogues, fiscalYear);
  }

  /**
   * The frame of every edit, in one transaction: the optimistic lock on the version the editor saw
   * (409 with the current version if it moved), the change, then in one statement the editor noted
   * for the revision and the totals job's outbox row (answering the line sums, which `bound` may
   * refuse), and the audit entry last. `ordinals`: how many new lines the change may add (their
   * ordinals are reserved with the version).
   */
  private edit(
    caller: TCaller,
    id: string,
    version: number,
    edit: { action: string; ordinals: number; bound?: ((sums: TLineSums) => void) | undefined },
    change: (m: EntityManager, at: TLineStamp) => Promise<Record<string, unknown>>,
  ): Promise<{ id: string; version: number }> {
    return this.dataSource.transaction(async (m) => {
      const bumped = await this.budgets.bumpIfEditable(m, id, version, EDITABLE_STATES, edit.ordinals);
      if (bumped === undefined) throw await versionConflict(this.budgets, m, id, version);
      const facts = await change(m, { version: bumped.version, firstOrdinal: bumped.first_ordinal });
      // The totals job derives the new version out of band (coalesced, see RecomputeTotalsJob).
      const sums = await this.budgets.recordEdit(m, { id, version: bumped.version, revisionNo: bumped.revision_no + 1, userId: caller.userId });
      edit.bound?.(sums);
      await this.audit.append(m, { actor: caller.username, action: edit.action, entity: 'budget', entityId: id, budgetId: id, payload: { fromVersion: version, toVersion: bumped.version, ...facts } });
      return { id, version: bumped.version };
    });
  }

  /** The whole document at one consistent version (a repeatable-read snapshot). */
  async exportDocument(caller: TCaller, id: string): Promise<{ version: number; document: TBudgetDocument }> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const budget = await this.mustFind(m, caller, id);
      return { version: budget.version, document: await this.documentOf(m, budget) };
    });
  }

  async documentOf(m: EntityManager, budget: TBudgetRow): Promise<TBudgetDocument> {
    return readDocument(m, this.budgets, this.lines, budget);
  }

  /** The manager outside any transaction, for callers that only check visibility. */
  manager(): EntityManager {
    return this.dataSource.manager;
  }

  async mustFind(m: EntityManager, caller: TCaller, id: string): Promise<TBudgetRow> {
    const budget = await this.budgets.findVisible(m, caller, id);
    if (budget === undefined) throw notFound('Budget');
    return budget;
  }

  /** A preparer creates the budgets of their own department; naming another is like naming none. */
  private departmentFor(caller: TCaller, requested: string | undefined): string {
    if (caller.departmentId === null || (requested !== undefined && requested !== caller.departmentId)) throw notFound('Department');
    return caller.departmentId;
  }
}

function toSummary(row: TBudgetSummaryRow): TBudgetSummary {
  return {
    id: row.id,
    department: { id: row.department_id, code: row.department_code, name: row.department_name },
    unit: row.unit_code === null ? null : { code: row.unit_code, name: row.unit_name ?? row.unit_code },
    fiscalYear: row.fiscal_year,
    state: row.state,
    version: row.version,
    revisionNo: row.revision_no,
    updatedAt: row.updated_at.toISOString(),
    repliedOn: row.replied_on,
  };
}

/** The document schema bounds an imported budget's totals; a patch is bounded here, on the sums of the lines it leaves. */
function refuseOverBudget(totals: TLineSums): void {
  const over = (Object.entries({ upsertExpenditure: totals.expenditure, upsertIncome: totals.income }) as [string, bigint][]).filter(([, fen]) => fen > MAX_BUDGET_YUAN * 100n);
  if (over.length === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    `The lines would add up to more than ${MAX_BUDGET_YUAN} 元, the most one budget may hold`,
    over.map(([path, fen]) => ({ path, message: `the budget's lines would add up to ${formatYuan(fen)} 元, more than ${MAX_BUDGET_YUAN} 元` })),
  );
}

function noSuchLine(field: string, ids: readonly string[], lineId: string): TFieldError {
  return { path: `${field}.${ids.indexOf(lineId)}`, message: `no line "${lineId}" in this budget` };
}

/** An import must be this budget's year and department: a document cannot move a budget elsewhere. */
function documentMismatch(budget: TBudgetRow, document: TBudgetDocument): TFieldError[] {
  const errors: TFieldError[] = [];
  if (document.fiscalYear !== budget.fiscal_year) {
    errors.push({ path: 'fiscalYear', message: `this budget is for ${budget.fiscal_year}, not ${document.fiscalYear}` });
  }
  if (document.department.code !== budget.department_code) {
    errors.push({ path: 'department.code', message: `this budget belongs to department ${budget.department_code}` });
  }
  errors.push(...duplicateIds(document.expenditureLines, 'expenditureLines'), ...duplicateIds(document.incomeLines, 'incomeLines'));
  return errors;
}

function duplicateIds(lines: readonly { id: string }[], path: string): TFieldError[] {
  const seen = new Set<string>();
  const errors: TFieldError[] = [];
  lines.forEach((line, index) => {
    if (seen.has(line.id)) errors.push({ path: `${path}.${index}.id`, message: `line id "${line.id}" appears twice` });
    seen.add(line.id);
  });
  return errors;
}
