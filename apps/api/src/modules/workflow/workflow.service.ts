import { canonicalJson, transition, type WorkflowAction, type WorkflowContext } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { BudgetDerivationService, type TDerivation } from '../budgets/budget-derivation.service';
import type { TBudgetRow } from '../budgets/budget-row';
import { versionConflict } from '../budgets/budget-versioning';
import { BudgetsRepository } from '../budgets/budgets.repository';
import { BudgetsService } from '../budgets/budgets.service';
import { CeilingsService } from '../ceilings/ceilings.service';
import { PublicationsRepository } from '../public/publications.repository';
import { RevisionsRepository } from '../revisions/revisions.repository';
import { toAppError } from '../budgets/domain-error.mapper';
import type { TActionRequestParts } from './action-request.decorator';
import { IdempotencyRepository } from './idempotency.repository';
import { OutboxRepository } from './outbox.repository';

/** What an action carries besides its name: the version seen and, for 'return', the reason. */
type TActionInput = Pick<TActionRequestParts, 'version' | 'reason'>;

export interface TActionResult {
  id: string;
  action: WorkflowAction;
  state: TBudgetRow['state'];
  version: number;
  revisionNo: number;
  publication?: { id: string; versionNo: number };
}

/**
 * The approval workflow: load, ask the domain's transition(), then in ONE transaction the
 * conditional update of (state, version), the frozen revision or the publication, the outbox rows
 * and the audit entry. Of two people acting at once exactly one row update succeeds; the other
 * gets 409.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgetsService: BudgetsService,
    private readonly budgets: BudgetsRepository,
    private readonly derivations: BudgetDerivationService,
    private readonly revisions: RevisionsRepository,
    private readonly publications: PublicationsRepository,
    private readonly outbox: OutboxRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly audit: AuditService,
    private readonly ceilings: CeilingsService,
  ) {}

  /** Acts once per Idempotency-Key: a retry with the same key gets the first answer back. */
  async act(caller: TCaller, action: WorkflowAction, request: TActionRequestParts): Promise<TActionResult> {
    const { budgetId: id, idempotencyKey: key } = request;
    const input: TActionInput = { version: request.version, reason: request.reason };
    if (key === undefined) return this.perform(caller, id, action, input, undefined);
    const fingerprint = createHash('sha256').update(canonicalJson({ id, action, input })).digest('hex');
    const stored = await this.idempotency.find(this.dataSource.manager, caller.userId, key);
    if (stored !== undefined) return replay(stored, fingerprint);
    try {
      return await this.perform(caller, id, action, input, { key, fingerprint });
    } catch (error) {
      // A concurrent request with the same key acted first. Its claim made this one fail on the key
      // (it waited for the first to commit), or this one read the budget after the first committed
      // and found the action already done (409): either way the first answer is the answer. A key
      // is claimed and answered in one transaction, so a stored key always holds its answer.
      const first = await this.idempotency.find(this.dataSource.manager, caller.userId, key);
      if (first === undefined) throw error;
      return replay(first, fingerprint);
    }
  }

  private async perform(
    caller: TCaller,
    id: string,
    action: WorkflowAction,
    input: TActionInput,
    idempotency: { key: string; fingerprint: string } | undefined,
  ): Promise<TActionResult> {
    const budget = await this.budgetsService.mustFind(this.dataSource.manager, caller, id);
    if (input.version !== undefined && input.version !== budget.version) {
      throw await versionConflict(this.budgets, this.dataSource.manager, id, input.version);
    }
    const derivation = action === 'submit' ? await this.derivations.forBudget(budget) : undefined;
    if (derivation !== undefined && derivation.derivedVersion !== budget.version) {
      throw await versionConflict(this.budgets, this.dataSource.manager, id, budget.version);
    }
    const context = await this.contextFor(caller, budget, derivation, input.reason);
    if (action === 'submit') context.ceilingExcesses = await this.ceilings.excessesOf(this.dataSource.manager, budget);
    const decision = transition(budget.state, action, { userId: caller.userId, role: caller.role, ...(caller.departmentCode === null ? {} : { departmentCode: caller.departmentCode }) }, context);
    if (!decision.ok) throw toAppError(decision.error);
    const freezes = decision.effects.some((e) => e.type === 'freeze-revision');

    return this.dataSource.transaction(async (m) => {
      if (idempotency !== undefined) await this.idempotency.claim(m, caller.userId, idempotency.key, idempotency.fingerprint);
      const updated = await this.budgets.transitionIfCurrent(m, {
        id,
        from: budget.state,
        version: budget.version,
        to: decision.next,
        freezeRevision: freezes,
        returnReason: action === 'return' ? (input.reason ?? null) : null,
      });
      if (updated === undefined) throw await versionConflict(this.budgets, m, id, budget.version);
      const sha256 = freezes && derivation !== undefined ? await this.freeze(m, caller, budget, updated.revision_no, derivation) : undefined;
      const publication =
        action === 'publish'
          ? await this.publications.insert(m, { budgetId: id, revisionNo: budget.revision_no, departmentId: budget.department_id, fiscalYear: budget.fiscal_year, publishedBy: caller.userId })
          : undefined;
      await this.outbox.addEffects(m, decision.effects, {
        budgetId: id,
        action,
        ...(publication === undefined ? {} : { publication: { id: publication.id, revisionNo: budget.revision_no, versionNo: publication.versionNo } }),
      });
      if (action === 'approve') await this.outbox.addApproved(m, id, budget.revision_no);
      const result: TActionResult = {
        id,
        action,
        state: decision.next,
        version: updated.version,
        revisionNo: updated.revision_no,
        ...(publication === undefined ? {} : { publication }),
      };
      if (idempotency !== undefined) await this.idempotency.complete(m, caller.userId, idempotency.key, 200, result);
      await this.audit.append(m, {
        actor: caller.username,
        action: `budget.${action}`,
        entity: 'budget',
        entityId: id,
        budgetId: id,
        payload: {
          from: budget.state,
          to: decision.next,
          version: updated.version,
          revisionNo: updated.revision_no,
          ...(action === 'return' ? { reason: input.reason } : {}),
          ...(sha256 === undefined ? {} : { sha256 }),
          ...(publication === undefined ? {} : { publicationId: publication.id, publicationVersion: publication.versionNo }),
        },
      });
      return result;
    });
  }

  /** Freezes the working copy as an immutable revision; runs under the row lock of the update. */
  private async freeze(m: EntityManager, caller: TCaller, budget: TBudgetRow, revisionNo: number, derivation: TDerivation): Promise<string> {
    const document = await this.budgetsService.documentOf(m, budget);
    const sha256 = createHash('sha256').update(canonicalJson(document)).digest('hex');
    await this.revisions.insert(m, {
      budgetId: budget.id,
      revisionNo,
      budgetVersion: budget.version,
      document,
      disclosure: derivation.disclosure,
      findings: derivation.findings,
      sha256,
      submittedBy: caller.userId,
      editorIds: await this.budgets.editorsUpTo(m, budget.id, revisionNo),
    });
    return sha256;
  }

  /** What the domain's guards need: who submitted and edited the revision under review, and its errors. */
  private async contextFor(caller: TCaller, budget: TBudgetRow, derivation: TDerivation | undefined, reason: string | undefined): Promise<WorkflowContext> {
    const latest = budget.revision_no > 0 ? await this.revisions.findMeta(this.dataSource.manager, budget.id, budget.revision_no) : undefined;
    const scope = caller.reviewDepartmentIds;
    return {
      departmentCode: budget.department_code,
      ...(latest === undefined ? {} : { submitterId: latest.submittedBy.id }),
      editorIds: latest?.editorIds ?? [],
      errorCount: derivation?.errorCount ?? 0,
      ...(reason === undefined ? {} : { reason }),
      reviewerScope: scope === 'all' ? 'all' : scope.includes(budget.department_id) ? [budget.department_code] : [],
    };
  }
}

function replay(stored: { fingerprint: string; status: number; body: unknown }, fingerprint: string): TActionResult {
  if (stored.fingerprint !== fingerprint) {
    throw new AppError('CONFLICT', 'This Idempotency-Key was used for a different request', [{ path: 'Idempotency-Key', message: 'reused for another request' }]);
  }
  return stored.body as TActionResult;
}
