import { ceilingFiguresOf, ceilingFiguresOfLines, ceilingsToWire, compareRounds, compareWithCeilings, exceededCeilings, issuesCeilings, readCeilingsTable, ZCeilings, type CeilingExcess, type CeilingFigures, type TCeilings } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { AppError, notFound } from '../../common/errors/app-error';
import { assertVisible, departmentScope, scopeIncludes } from '../../common/scope/department-scope';
import { AuditService } from '../audit/audit.service';
import { ReviewerOfficesRepository } from '../bureau/reviewer-offices.repository';
import { CeilingsRepository, type TUploadedCeilings } from './ceilings.repository';
import type { TCeilingsAnswer, TCeilingsUploadPreview, TPutCeilingsRequest, TRoundsAnswer } from './dto/ceilings.schema';

/** A budget as the ceilings see it: whose and which year, not its content. */
export interface TCeilingsBudget {
  id: string;
  department_id: string;
  department_code: string;
  department_name: string;
  fiscal_year: number;
  state: string;
  round: string;
}

/** Ceilings no longer change once the bureau has approved (批复) the budget. */
const SETTLED_STATES = ['approved', 'published'];

/**
 * The ceilings (控制数) of each department's year: the 预算科's reviewers issue and edit them, one
 * department at a time or many from a spreadsheet; the department reads its own beside its figures;
 * the workflow refuses a submission over them (OVER_CEILING). Every change is audited.
 */
@Injectable()
export class CeilingsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly ceilings: CeilingsRepository,
    private readonly audit: AuditService,
    private readonly offices: ReviewerOfficesRepository,
  ) {}

  async read(caller: TCaller, budgetId: string): Promise<TCeilingsAnswer> {
    const m = this.dataSource.manager;
    return this.answerFor(m, await this.mustFind(m, caller, budgetId));
  }

  async put(caller: TCaller, budgetId: string, request: TPutCeilingsRequest): Promise<TCeilingsAnswer> {
    return this.dataSource.transaction(async (m) => {
      await this.mustIssue(m, caller);
      const budget = await this.mustFind(m, caller, budgetId);
      if (SETTLED_STATES.includes(budget.state) || budget.round === 'replied') throw new AppError('CONFLICT', `The budget is ${budget.state} in round ${budget.round}: its ceilings are settled by the 批复`);
      await this.issue(m, caller, budget.department_id, budget.fiscal_year, request.ceilings, request.version, { budgetId: budget.id, departmentCode: budget.department_code });
      return this.answerFor(m, budget);
    });
  }

  /** 一上 vs 控制数 vs 二上 vs 批复 of the budget, item by item, as far as it got. */
  async rounds(caller: TCaller, budgetId: string): Promise<TRoundsAnswer> {
    const m = this.dataSource.manager;
    const budget = await this.mustFind(m, caller, budgetId);
    const [revisions, issued] = await Promise.all([this.ceilings.roundRevisions(m, budget.id), this.ceilings.find(m, budget.department_id, budget.fiscal_year)]);
    const figuresOf = async (revisionNo: number | null): Promise<CeilingFigures | undefined> =>
      revisionNo === null ? undefined : ceilingFiguresOfLines(await this.ceilings.revisionLines(m, budget.id, revisionNo));
    const [proposal, final, replied] = await Promise.all([figuresOf(revisions.proposal), figuresOf(revisions.final), figuresOf(revisions.replied)]);
    const rows = compareRounds({
      ...(proposal === undefined ? {} : { proposal }),
      ...(issued === undefined ? {} : { ceilings: ZCeilings.parse(issued.ceilings) }),
      ...(final === undefined ? {} : { final }),
      ...(replied === undefined ? {} : { replied }),
    });
    const digits = (fen: number | undefined) => (fen === undefined ? null : String(fen));
    return {
      budgetId: budget.id,
      revisions: { proposal: revisions.proposal, final: revisions.final, replied: revisions.replied },
      ceilingsVersion: issued?.version ?? 0,
      rows: rows.map((r) => ({ item: r.item, name: r.name, proposalFen: digits(r.proposalFen), ceilingFen: digits(r.ceilingFen), finalFen: digits(r.finalFen), repliedFen: digits(r.repliedFen) })),
    };
  }

  /** The issued ceilings the budget's working copy exceeds (none when none are issued). */
  /** Whether the department's ceilings of the budget's year are filled in (下达控制数 issues them). */
  async areSet(m: EntityManager, budget: Pick<TCeilingsBudget, 'department_id' | 'fiscal_year'>): Promise<boolean> {
    return (await this.ceilings.find(m, budget.department_id, budget.fiscal_year)) !== undefined;
  }

  async excessesOf(m: EntityManager, budget: Pick<TCeilingsBudget, 'id' | 'department_id' | 'fiscal_year'>): Promise<CeilingExcess[]> {
    const row = await this.ceilings.find(m, budget.department_id, budget.fiscal_year);
    if (row === undefined) return [];
    return exceededCeilings(ceilingFiguresOf(await this.ceilings.lineSums(m, budget)), ZCeilings.parse(row.ceilings));
  }

  /** Reads a sheet of many departments' ceilings and keeps it for a preview; nothing is issued yet. */
  async upload(caller: TCaller, fiscalYear: number, csv: string): Promise<TCeilingsUploadPreview> {
    const table = readCeilingsTable(csv);
    return this.dataSource.transaction(async (m) => {
      await this.mustIssue(m, caller);
      const codes = table.rows.map((r) => r.departmentCode);
      const departments: { id: string; code: string; name: string }[] = await m.query(`SELECT id, code, name FROM departments WHERE code = ANY($1::text[])`, [codes]);
      const byCode = new Map(departments.map((d) => [d.code, d]));
      const scope = departmentScope(caller);
      const problems = [...table.problems];
      const rows: TUploadedCeilings[] = table.rows.map((r) => {
        const department = byCode.get(r.departmentCode);
        // A department outside the reviewer's scope reads like an unknown one.
        const known = department !== undefined && scopeIncludes(scope, department.id);
        if (!known) problems.push({ position: r.position, column: '', reason: `no department ${r.departmentCode} in your scope` });
        return { position: r.position, departmentCode: r.departmentCode, departmentId: known ? department.id : null, departmentName: known ? department.name : null, ceilings: ceilingsToWire(r.ceilings) };
      });
      const upload = await this.ceilings.insertUpload(m, fiscalYear, { rows, problems }, caller.userId);
      await this.audit.append(m, { actor: caller.username, action: 'ceilings.upload', entity: 'ceiling-upload', entityId: upload.id, payload: { fiscalYear, rows: rows.length, problems: problems.length } });
      return this.previewOf(m, upload.id, fiscalYear, { rows, problems }, false);
    });
  }

  async preview(fiscalYear: number, uploadId: string): Promise<TCeilingsUploadPreview> {
    const m = this.dataSource.manager;
    const upload = await this.ceilings.findUpload(m, fiscalYear, uploadId);
    if (upload === undefined) throw notFound('Ceilings upload');
    return this.previewOf(m, upload.id, fiscalYear, upload.rows, upload.confirmed_at !== null);
  }

  /** Issues every row of a clean upload, each audited; an upload with problems issues nothing. */
  async confirm(caller: TCaller, fiscalYear: number, uploadId: string): Promise<TCeilingsUploadPreview> {
    return this.dataSource.transaction(async (m) => {
      await this.mustIssue(m, caller);
      const upload = await this.ceilings.findUpload(m, fiscalYear, uploadId);
      if (upload === undefined) throw notFound('Ceilings upload');
      const { rows, problems } = upload.rows;
      if (problems.length > 0) {
        throw new AppError('VALIDATION_FAILED', 'The sheet has problems; fix it and upload it again', problems.map((p) => ({ path: [p.position, p.column].filter((x) => x !== '').join('.'), message: p.reason })));
      }
      if (!(await this.ceilings.confirmUpload(m, uploadId, caller.userId))) throw new AppError('CONFLICT', 'This upload was confirmed already');
      for (const row of rows) {
        await this.issue(m, caller, row.departmentId!, fiscalYear, ZCeilings.parse(row.ceilings), undefined, { departmentCode: row.departmentCode, uploadId });
      }
      return this.previewOf(m, uploadId, fiscalYear, upload.rows, true);
    });
  }

  /** The 预算科 issues the ceilings (the domain's issuesCeilings): a reviewer of another office is refused. */
  private async mustIssue(m: EntityManager, caller: TCaller): Promise<void> {
    if (!issuesCeilings((await this.offices.officeOf(m, caller.userId))?.kind ?? null)) throw new AppError('FORBIDDEN', 'Only the 预算科 (budget office) issues ceilings (控制数)');
  }

  private async issue(m: EntityManager, caller: TCaller, departmentId: string, fiscalYear: number, ceilings: TCeilings, seenVersion: number | undefined, about: { budgetId?: string; departmentCode: string; uploadId?: string }): Promise<void> {
    const wire = ceilingsToWire(ceilings);
    const previous = await this.ceilings.find(m, departmentId, fiscalYear);
    const version = await this.ceilings.put(m, { departmentId, fiscalYear, ceilings: wire, issuedBy: caller.userId, seenVersion });
    if (version === undefined) {
      throw new AppError('VERSION_CONFLICT', `The ceilings changed since version ${seenVersion ?? 0} was read (now ${previous?.version ?? 0}); reload them`, [{ path: 'version', message: 'stale' }]);
    }
    await this.audit.append(m, {
      actor: caller.username,
      action: 'ceilings.issue',
      entity: 'ceilings',
      entityId: `${about.departmentCode}/${fiscalYear}`,
      budgetId: about.budgetId ?? (await this.budgetIdOf(m, departmentId, fiscalYear)),
      payload: { fiscalYear, departmentCode: about.departmentCode, version, ceilings: wire, previous: previous?.ceilings ?? null, ...(about.uploadId === undefined ? {} : { uploadId: about.uploadId }) },
    });
  }

  private async budgetIdOf(m: EntityManager, departmentId: string, fiscalYear: number): Promise<string | null> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM budgets WHERE department_id = $1 AND fiscal_year = $2 AND unit_code IS NULL`, [departmentId, fiscalYear]);
    return rows[0]?.id ?? null;
  }

  /**
   * The budget by id, within the caller's departments. Unlike its content, a draft's ceilings are
   * the bureau's own: reviewers of the department see them before anything is submitted.
   */
  private async mustFind(m: EntityManager, caller: TCaller, budgetId: string): Promise<TCeilingsBudget> {
    const rows: TCeilingsBudget[] = await m.query(
      `SELECT b.id, b.department_id, d.code AS department_code, d.name AS department_name, b.fiscal_year, b.state, b.round
       FROM budgets b JOIN departments d ON d.id = b.department_id WHERE b.id = $1`,
      [budgetId],
    );
    return assertVisible(caller, rows[0], (b) => b.department_id, 'Budget');
  }

  private async answerFor(m: EntityManager, budget: TCeilingsBudget): Promise<TCeilingsAnswer> {
    // One after the other: `m` may be a transaction's, one connection that runs one query at a time.
    const row = await this.ceilings.find(m, budget.department_id, budget.fiscal_year);
    const sums = await this.ceilings.lineSums(m, budget);
    const issuedAt = await this.ceilings.issuedAt(m, budget.id);
    const ceilings = ZCeilings.parse(row?.ceilings ?? {});
    const comparison = compareWithCeilings(ceilingFiguresOf(sums), ceilings).map((c) => ({
      ceiling: c.ceiling,
      name: c.name,
      ceilingFen: String(c.ceilingFen),
      amountFen: String(c.amountFen),
      roomFen: String(c.roomFen),
    }));
    return {
      budgetId: budget.id,
      fiscalYear: budget.fiscal_year,
      department: { code: budget.department_code, name: budget.department_name },
      version: row?.version ?? 0,
      setAt: row?.issued_at.toISOString() ?? null,
      issuedAt: issuedAt?.toISOString() ?? null,
      ceilings: ceilingsToWire(ceilings),
      comparison,
    };
  }

  private async previewOf(m: EntityManager, uploadId: string, fiscalYear: number, read: { rows: TUploadedCeilings[]; problems: TCeilingsUploadPreview['problems'] }, confirmed: boolean): Promise<TCeilingsUploadPreview> {
    const current = await this.ceilings.ofYear(m, fiscalYear);
    return {
      uploadId,
      fiscalYear,
      confirmed,
      rows: read.rows.map((r) => ({ position: r.position, departmentCode: r.departmentCode, departmentName: r.departmentName, ceilings: r.ceilings, current: r.departmentId === null ? null : (current.get(r.departmentId)?.ceilings ?? null) })),
      problems: read.problems,
    };
  }
}
