import { changedUnitParts, consolidateUnit, hasUnitScope, unitPart, type TBudgetDocument, type WorkflowContext } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TCaller } from '../../../common/auth/caller';
import { AppError } from '../../../common/errors/app-error';
import { AuditService } from '../../audit/audit.service';
import { BudgetLinesRepository } from '../budget-lines.repository';
import type { TBudgetRow } from '../budget-row';
import { BudgetsRepository } from '../budgets.repository';
import { readDocument } from '../document-read';
import { splitDocument } from '../mappers/budget-document.mapper';
import { UnitBudgetsRepository, type TUnitBudgetRow } from './unit-budgets.repository';

/** What the 部门预算 shows of each of its units' budgets. */
export interface TUnitBudgetSummary {
  id: string;
  unit: { code: string; name: string };
  state: TUnitBudgetRow['state'];
  version: number;
  updatedAt: string;
}

/**
 * 单位预算: a unit's budget starts from its part of the 部门预算, its department's reviewer
 * approves it, and the approval consolidates it back (the domain's unitPart / consolidateUnit).
 * In between, the 部门预算 keeps the unit's part as the unit last had it approved, and refuses
 * edits to it: the unit's figures are typed once, in the unit's budget.
 */
@Injectable()
export class UnitBudgetsService {
  constructor(
    private readonly units: UnitBudgetsRepository,
    private readonly budgets: BudgetsRepository,
    private readonly lines: BudgetLinesRepository,
    private readonly audit: AuditService,
  ) {}

  /** The start of a unit's budget: the unit's part of its department's budget of the year (409 when the department has not started it). */
  async startOf(m: EntityManager, departmentId: string, fiscalYear: number, unitCode: string): Promise<{ document: TBudgetDocument; departmentBudgetId: string }> {
    const department = await this.units.departmentBudget(m, departmentId, fiscalYear);
    if (department === undefined) {
      throw new AppError('NO_DEPARTMENT_BUDGET', `The department has not started its ${fiscalYear} budget: a unit's budget starts from it`, [
        { path: 'fiscalYear', message: `no department budget for ${fiscalYear} yet` },
      ]);
    }
    return { document: unitPart(await readDocument(m, this.budgets, this.lines, department), unitCode), departmentBudgetId: department.id };
  }

  /** The units' budgets beside a 部门预算 (none beside a unit's budget). */
  async summariesOf(m: EntityManager, budget: TBudgetRow): Promise<TUnitBudgetSummary[]> {
    if (budget.unit_code !== null) return [];
    const rows = await this.units.ofDepartmentYear(m, budget.department_id, budget.fiscal_year);
    return rows.map((r) => ({ id: r.id, unit: { code: r.unit_code, name: r.unit_name }, state: r.state, version: r.version, updatedAt: r.updated_at.toISOString() }));
  }

  /** What the workflow's guards need of the units: the pending ones for the 部门预算's submission, the 部门预算's state for a unit's review. */
  async contextOf(m: EntityManager, budget: TBudgetRow): Promise<Pick<WorkflowContext, 'pendingUnits' | 'departmentBudgetState'>> {
    if (budget.unit_code === null) {
      const rows = await this.units.ofDepartmentYear(m, budget.department_id, budget.fiscal_year);
      return { pendingUnits: rows.filter((r) => r.state !== 'approved').map((r) => ({ code: r.unit_code, name: r.unit_name, state: r.state })) };
    }
    const department = await this.units.departmentBudget(m, budget.department_id, budget.fiscal_year);
    return department === undefined ? {} : { departmentBudgetState: department.state };
  }

  /**
   * What a unit budget's 更正 needs: whether it has been published (the revision in work then corrects
   * it), and at its submission whether its lines, income or projects differ from its part of the
   * 部门预算, which its consolidation would then change (the domain's unitPartKept refuses that).
   */
  async correctionContextOf(m: EntityManager, unit: TBudgetRow, comparePart: boolean): Promise<Pick<WorkflowContext, 'correcting' | 'unitPartChanged'>> {
    const unitCode = unit.unit_code;
    if (unitCode === null || !(await this.units.isPublished(m, unit.id))) return {};
    if (!comparePart) return { correcting: true };
    const department = await this.units.departmentBudget(m, unit.department_id, unit.fiscal_year);
    if (department === undefined) return { correcting: true };
    const consolidated = await readDocument(m, this.budgets, this.lines, department);
    const corrected = consolidateUnit(consolidated, await readDocument(m, this.budgets, this.lines, unit), unitCode);
    return { correcting: true, unitPartChanged: changedUnitParts(consolidated, corrected, [unitCode]).length > 0 };
  }

  /**
   * What a unit budget's publication needs: whether its template prints a 单位 scope, and the date
   * of its 部门预算's 批复 (the unit's budget is final only then: the bureau replies to the
   * department, the department to its units).
   */
  async publicationContextOf(m: EntityManager, unit: TBudgetRow): Promise<Pick<WorkflowContext, 'unitScope' | 'departmentRepliedOn'>> {
    const department = await this.units.departmentBudget(m, unit.department_id, unit.fiscal_year);
    const repliedOn = department?.replied_on ?? null;
    return { unitScope: await this.disclosedApart(m, unit), ...(repliedOn === null ? {} : { departmentRepliedOn: repliedOn }) };
  }

  /** Whether a unit's budget is published as its own 单位预算: its template prints a 单位 scope. */
  async disclosedApart(m: EntityManager, unit: TBudgetRow): Promise<boolean> {
    return hasUnitScope(await this.units.templateOf(m, unit.id));
  }

  /**
   * A line edit of the 部门预算 may not touch a unit with a budget of its own: not its lines by
   * id (upserted or removed), nor a line written for it (409 UNIT_LINES_CONSOLIDATED).
   */
  async refuseLineEdit(
    m: EntityManager,
    budget: TBudgetRow,
    patch: { upsertExpenditure: readonly { id: string; unitCode: string }[]; removeExpenditure: readonly string[]; upsertIncome: readonly { id: string; unitCode?: string | undefined }[]; removeIncome: readonly string[] },
  ): Promise<void> {
    const units = await this.consolidatedUnits(m, budget);
    if (units.length === 0) return;
    const written = [...patch.upsertExpenditure, ...patch.upsertIncome].filter((l) => l.unitCode !== undefined && units.includes(l.unitCode)).map((l) => l.id);
    const existing = await this.units.linesOfUnits(m, budget, units, [...patch.upsertExpenditure.map((l) => l.id), ...patch.removeExpenditure], [...patch.upsertIncome.map((l) => l.id), ...patch.removeIncome]);
    const lineIds = [...new Set([...written, ...existing])];
    if (lineIds.length > 0) throw consolidated(units, lineIds);
  }

  /** An import into the 部门预算 may carry its units' consolidated parts back as they are, not changed. */
  async refuseImport(m: EntityManager, budget: TBudgetRow, document: TBudgetDocument): Promise<void> {
    const units = await this.consolidatedUnits(m, budget);
    if (units.length === 0) return;
    const changed = changedUnitParts(await readDocument(m, this.budgets, this.lines, budget), document, units);
    if (changed.length > 0) throw consolidated(changed, []);
  }

  /** An edit of a unit's budget is its unit's preparers'; one of the 部门预算 the department's own (403 otherwise). */
  refuseForeignEditor(caller: TCaller, budget: TBudgetRow): void {
    if ((caller.unitCode ?? null) === budget.unit_code) return;
    throw new AppError(
      'FORBIDDEN',
      budget.unit_code === null ? "A unit's preparer edits the unit's budget, not the department's" : `The budget of unit ${budget.unit_code} is edited by that unit's preparers`,
    );
  }

  /**
   * 审核汇总: the approved unit budget replaces the unit's part of the 部门预算, in the approval's
   * transaction. The 部门预算 must still be editable (else 409 DEPARTMENT_BUDGET_LOCKED, and the
   * approval does not happen); its version moves, so an editor holding the old one gets 409.
   */
  async consolidate(m: EntityManager, caller: TCaller, unit: TBudgetRow): Promise<void> {
    const unitCode = unit.unit_code;
    if (unitCode === null) throw new Error(`budget ${unit.id} is not a unit's budget`);
    const department = await this.units.departmentBudget(m, unit.department_id, unit.fiscal_year, true);
    const bumped = department === undefined ? undefined : await this.units.bumpDepartmentBudget(m, department.id);
    if (department === undefined || bumped === undefined) throw departmentLocked(department);
    const next = consolidateUnit(await readDocument(m, this.budgets, this.lines, department), await readDocument(m, this.budgets, this.lines, unit), unitCode);
    const { rest, expenditureLines, incomeLines } = splitDocument(next);
    await this.lines.replaceAll(m, department, bumped.version, expenditureLines, incomeLines);
    await this.budgets.replaceDocumentRest(m, department.id, rest);
    await m.query(`INSERT INTO outbox (topic, payload) VALUES ('budget.totals', $1)`, [JSON.stringify({ budgetId: department.id, version: bumped.version })]);
    await this.audit.append(m, {
      actor: caller.username,
      action: 'budget.consolidate',
      entity: 'budget',
      entityId: department.id,
      budgetId: department.id,
      payload: {
        unitCode,
        unitBudgetId: unit.id,
        unitRevisionNo: unit.revision_no,
        fromVersion: department.version,
        toVersion: bumped.version,
        unitLines: expenditureLines.filter((l) => l.unitCode === unitCode).length,
      },
    });
  }

  /**
   * A unit budget taken back from an approval holds the 部门预算's row until the transaction ends,
   * and needs it editable: a 部门预算 submitted meanwhile keeps the figures it was submitted with.
   */
  async holdDepartmentOpen(m: EntityManager, unit: TBudgetRow): Promise<void> {
    const department = await this.units.departmentBudget(m, unit.department_id, unit.fiscal_year, true);
    if (department !== undefined && (department.state === 'draft' || department.state === 'returned')) return;
    throw departmentLocked(department);
  }

  /** The 部门预算's submission, under its row lock: a unit budget taken back meanwhile is pending again. */
  async refusePendingUnits(m: EntityManager, budget: TBudgetRow): Promise<void> {
    const { pendingUnits = [] } = await this.contextOf(m, budget);
    if (pendingUnits.length === 0) return;
    throw new AppError('UNITS_NOT_APPROVED', `The budgets of these units are not yet approved: ${pendingUnits.map((u) => u.name).join(', ')}`, undefined, undefined, { pending: pendingUnits });
  }

  private async consolidatedUnits(m: EntityManager, budget: TBudgetRow): Promise<string[]> {
    if (budget.unit_code !== null) return [];
    return (await this.units.ofDepartmentYear(m, budget.department_id, budget.fiscal_year)).map((r) => r.unit_code);
  }
}

function departmentLocked(department: { state: string } | undefined): AppError {
  return new AppError('DEPARTMENT_BUDGET_LOCKED', "The department's budget is not editable: its units' figures change only while it is a draft or returned", undefined, undefined, {
    departmentBudgetState: department?.state ?? null,
  });
}

function consolidated(units: readonly string[], lineIds: readonly string[]): AppError {
  return new AppError(
    'UNIT_LINES_CONSOLIDATED',
    `The lines of ${units.join(', ')} come from the unit's own budget (单位预算) and change there, not in the department's`,
    undefined,
    undefined,
    { units, lineIds },
  );
}
