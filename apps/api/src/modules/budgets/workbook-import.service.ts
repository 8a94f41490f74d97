import { randomUUID } from 'node:crypto';
import { canonicalJson, diffByKey, type TBudgetDocument, type TExpenditureLine, type TFinding, type TIncomeLine, type TKeyedDiff, type TProject } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { AppError, notFound } from '../../common/errors/app-error';
import { CHANGE_REASONS, OTHER_MATTERS, textFields, type TTextSheet } from '../reports/xlsx/explanation-sheets';
import { deriveAll } from './budget-derivation.service';
import { BudgetsService } from './budgets.service';
import { cellError } from './workbook-cells';
import { placeErrorsInWorkbook, readWorkbook } from './workbook-threads';

/** Lines listed in full per kind of change; the counts are always whole. */
export const PREVIEW_LISTED = 200;
/** A preview older than this is gone: the preparer reads the file again. */
const PREVIEW_HOURS = 24;

export interface TLineChanges<T> {
  added: number;
  removed: number;
  changed: number;
  /** At most PREVIEW_LISTED of each, in sheet order. */
  addedLines: T[];
  removedLines: T[];
  changedLines: { id: string; fields: string[]; before: T; after: T }[];
}

export interface TWorkbookPreview {
  previewId: string;
  /** The version the workbook was read against: the confirm is refused (409) once the budget moved past it. */
  baseVersion: number;
  expenditure: TLineChanges<TExpenditureLine>;
  income: TLineChanges<TIncomeLine>;
  /** Projects added, removed and changed by the project sheets (a changed part is named as one field: `details`, `indicators` …). */
  projects: TLineChanges<TProject>;
  /** The department's parts the workbook changes besides (its 主要职能, 部门绩效指标, 预算单位 …), in OTHER_PARTS' order. */
  otherParts: TOtherPart[];
  /** The findings the budget would have once imported. */
  errorCount: number;
  findings: TFinding[];
}

const texts = (sheet: TTextSheet) => (doc: TBudgetDocument) => textFields(sheet).map((field) => doc.explanations[field]);

/** Each part a sheet of its own carries (budget-template.ts), as the document holds it. */
const OTHER_PARTS = {
  units: (doc: TBudgetDocument) => doc.department.units,
  staffing: (doc: TBudgetDocument) => doc.department.staffing,
  functions: (doc: TBudgetDocument) => doc.department.functions,
  performanceIndicators: (doc: TBudgetDocument) => [doc.performance.longTermIndicators, doc.performance.annualGoals],
  priorYears: (doc: TBudgetDocument) => doc.priorYears,
  changeReasons: texts(CHANGE_REASONS),
  otherMatters: texts(OTHER_MATTERS),
} as const;

export type TOtherPart = keyof typeof OTHER_PARTS;
/** The parts `otherParts` may name, for the API's description. */
export const OTHER_PART_NAMES = Object.keys(OTHER_PARTS) as [TOtherPart, ...TOtherPart[]];

function otherParts(base: TBudgetDocument, document: TBudgetDocument): TOtherPart[] {
  return OTHER_PART_NAMES.filter((part) => canonicalJson(OTHER_PARTS[part](base)) !== canonicalJson(OTHER_PARTS[part](document)));
}

function changes<T>(diff: TKeyedDiff<T>): TLineChanges<T> {
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    addedLines: diff.added.slice(0, PREVIEW_LISTED),
    removedLines: diff.removed.slice(0, PREVIEW_LISTED),
    changedLines: diff.changed.slice(0, PREVIEW_LISTED).map((c) => ({ id: c.key, fields: c.fields, before: c.before, after: c.after })),
  };
}

/**
 * An imported workbook in two steps: read and checked into a preview (nothing changes), then applied
 * when its preparer confirms, as of the version it was read against.
 */
@Injectable()
export class WorkbookImportService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
  ) {}

  /** The document the workbook makes of the budget, checked as an import is; a bad cell is a 400 naming it. */
  async read(caller: TCaller, id: string, bytes: Buffer): Promise<{ base: TBudgetDocument; version: number; document: TBudgetDocument }> {
    // The template carries the lines, the projects and the parts of OTHER_PARTS: the rest of the document is the budget's own.
    const { version, document: base } = await this.budgets.exportDocument(caller, id);
    const read = await readWorkbook(base, await this.budgets.catalogueOf(base.fiscalYear), bytes);
    if (!read.ok) throw new AppError('VALIDATION_FAILED', `工作簿有 ${read.problems.length} 处问题，未导入任何内容`, read.problems.map(cellError));
    await this.budgets.checkImport(caller, id, read.document).catch(async (error: unknown) => {
      // A code the catalogue lacks, a unit of another department: named by the cell it is in.
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED' || error.errors === undefined) throw error;
      throw new AppError(error.code, error.detail, await placeErrorsInWorkbook(bytes, read.document, error.errors));
    });
    return { base, version, document: read.document };
  }

  async preview(caller: TCaller, id: string, bytes: Buffer): Promise<TWorkbookPreview> {
    const { base, version, document } = await this.read(caller, id, bytes);
    const derived = deriveAll(document, version, { catalogue: await this.budgets.catalogueOf(document.fiscalYear) });
    const previewId = randomUUID();
    await this.dataSource.transaction(async (m) => {
      // One waiting preview per person and budget: a newer file replaces the one read before.
      await m.query(`DELETE FROM workbook_previews WHERE (budget_id = $1 AND user_id = $2) OR created_at < now() - make_interval(hours => $3)`, [id, caller.userId, PREVIEW_HOURS]);
      await m.query(`INSERT INTO workbook_previews (id, budget_id, user_id, base_version, document) VALUES ($1, $2, $3, $4, $5)`, [previewId, id, caller.userId, version, JSON.stringify(document)]);
    });
    return {
      previewId,
      baseVersion: version,
      expenditure: changes(diffByKey(base.expenditureLines, document.expenditureLines, (l) => l.id)),
      income: changes(diffByKey(base.incomeLines, document.incomeLines, (l) => l.id)),
      projects: changes(diffByKey(base.projects, document.projects, (p) => p.id)),
      otherParts: otherParts(base, document),
      errorCount: derived.errorCount,
      findings: derived.findings,
    };
  }

  /** Applies a preview of the caller's as of its version (409 if the budget moved since), audited as a workbook import. */
  async confirm(caller: TCaller, id: string, previewId: string): Promise<{ id: string; version: number }> {
    const rows = (await this.dataSource.query(
      `SELECT base_version, document FROM workbook_previews WHERE id = $1 AND budget_id = $2 AND user_id = $3 AND created_at >= now() - make_interval(hours => $4)`,
      [previewId, id, caller.userId, PREVIEW_HOURS],
    )) as { base_version: number; document: TBudgetDocument }[];
    const [preview] = rows;
    if (preview === undefined) throw notFound('Workbook preview');
    const result = await this.budgets.importDocument(caller, id, preview.document, preview.base_version, 'budget.workbook.import');
    await this.dataSource.query(`DELETE FROM workbook_previews WHERE id = $1`, [previewId]);
    return result;
  }
}
