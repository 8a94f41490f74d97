import { canonicalJson, fitsStage, stageAt, transition, type BudgetRound, type ReviewChain, type StagePosition, type WorkflowAction, type WorkflowContext, type WorkflowEffect } from '@budgetflow/domain';
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
import { PublicationGate } from '../publications/publication-gate';
import { CeilingsService } from '../ceilings/ceilings.service';
import { RevisionsRepository } from '../revisions/revisions.repository';
import { toAppError } from '../budgets/domain-error.mapper';
import type { TActionRequestParts } from './action-request.decorator';
import { IdempotencyRepository } from './idempotency.repository';
import { OutboxRepository } from './outbox.repository';
import { ReviewChainsRepository } from '../bureau/review-chains.repository';
import { ReviewerOfficesRepository, type TPrincipal } from '../bureau/reviewer-offices.repository';
import { ReviewTrailRepository } from './review-trail.repository';
import { AdjustmentsRepository } from './adjustments.repository';
import { PublicationPoliciesRepository } from '../bureau/publication-policies.repository';
import { SignOffsRepository } from './sign-offs.repository';
import { UnitBudgetsService } from '../budgets/units/unit-budgets.service';

/** What an action carries besides its name: the version seen, the reason (return, revise), the opinion and the 批复. */
type TActionInput = Pick<TActionRequestParts, 'version' | 'reason' | 'opinion' | 'documentNo' | 'date' | 'kind'>;

export interface TActionResult {
  id: string;
  action: WorkflowAction;
  state: TBudgetRow['state'];
  round: BudgetRound;
  /** the stage the budget now waits on (index into its chain), null when out of review */
  stageIndex: number | null;
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
    private readonly publications: PublicationGate,
    private readonly outbox: OutboxRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly audit: AuditService,
    private readonly chains: ReviewChainsRepository,
    private readonly offices: ReviewerOfficesRepository,
    private readonly trail: ReviewTrailRepository,
    private readonly adjustments: AdjustmentsRepository,
    private readonly ceilings: CeilingsService,
    private readonly signOffs: SignOffsRepository,
    private readonly policies: PublicationPoliciesRepository,
    private readonly unitBudgets: UnitBudgetsService,
  ) {}

  /** Acts once per Idempotency-Key: a retry with the same key gets the first answer back. */
  async act(caller: TCaller, action: WorkflowAction, request: TActionRequestParts): Promise<TActionResult> {
    const { budgetId: id, idempotencyKey: key } = request;
    const input: TActionInput = { version: request.version, reason: request.reason, opinion: request.opinion, documentNo: request.documentNo, date: request.date, kind: request.kind };
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
    const place = await this.trail.place(this.dataSource.manager, id);
    const chain = place.chain ?? (await this.chains.forDepartment(this.dataSource.manager, budget.department_id, budget.fiscal_year));
    const stage = budget.state === 'submitted' ? stageAt(chain, place.round, place.stageIndex ?? 0) : undefined;
    const context = await this.contextFor(caller, budget, derivation, input, place.round, stage);
    const principal = await this.principalFor(caller, stage, budget.department_code);
    const actor = {
      userId: caller.userId,
      role: caller.role,
      ...(caller.departmentCode === null ? {} : { departmentCode: caller.departmentCode }),
      ...(caller.unitCode === null || caller.unitCode === undefined ? {} : { unitCode: caller.unitCode }),
      ...(principal?.office === undefined ? {} : { office: principal.office }),
    };
    const onBehalfOf = principal !== undefined && principal.userId !== caller.userId ? principal : undefined;
    // The 控制数 are the department's: its 部门预算 is held to them, a unit's budget to its department's review.
    if (action === 'submit' && budget.unit_code === null) context.ceilingExcesses = await this.ceilings.excessesOf(this.dataSource.manager, budget);
    if (action === 'issue-ceilings') context.ceilingsSet = await this.ceilings.areSet(this.dataSource.manager, budget);
    if (action === 'submit' || action === 'approve' || action === 'return') Object.assign(context, await this.unitBudgets.contextOf(this.dataSource.manager, budget));
    if (action === 'publish' || action === 'sign-off') await this.addSignOff(context, budget);
    if (action === 'publish' && budget.unit_code !== null) Object.assign(context, await this.unitBudgets.publicationContextOf(this.dataSource.manager, budget));
    // A unit's 更正 (its 单位预算 published) goes by rows of its own: its figures stay as consolidated.
    if ((action === 'submit' || action === 'approve' || action === 'return') && budget.unit_code !== null) {
      Object.assign(context, await this.unitBudgets.correctionContextOf(this.dataSource.manager, budget, action === 'submit'));
    }
    const decision = transition(budget.state, action, actor, onBehalfOf === undefined ? context : { ...context, reviewerScope: onBehalfOf.scope });
    if (!decision.ok) throw toAppError(decision.error);
    if (action === 'publish') await this.publications.prepare(id, budget.revision_no);
    // Entering 批复 renders the revision's files, so that the publisher reads what publishing would
    // publish; so does a unit's approval where the unit publishes its own 单位预算.
    const renders = decision.next === 'approved' && budget.state !== 'approved' && (budget.unit_code === null || (await this.unitBudgets.disclosedApart(this.dataSource.manager, budget)));
    const freezes = decision.effects.some((e) => e.type === 'freeze-revision');
    const has = (type: WorkflowEffect['type']) => decision.effects.some((e) => e.type === type);
    const replies = has('record-reply') || has('record-adjustment');
    const reply = replies && input.documentNo !== undefined && input.date !== undefined ? { documentNo: input.documentNo, date: input.date } : null;

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
      // The 部门预算 and its units' budgets move together: a unit's approval changes it, a taken-back one holds it open.
      if (has('consolidate-unit')) await this.unitBudgets.consolidate(m, caller, budget);
      if (action === 'return' && budget.state === 'approved' && budget.unit_code !== null) await this.unitBudgets.holdDepartmentOpen(m, budget);
      if (action === 'submit' && budget.unit_code === null) await this.unitBudgets.refusePendingUnits(m, budget);
      const sha256 = freezes && derivation !== undefined ? await this.freeze(m, caller, budget, updated.revision_no, derivation) : undefined;
      const publication =
        action === 'publish'
          ? await this.publications.publish(m, { budgetId: id, revisionNo: budget.revision_no, departmentId: budget.department_id, unitCode: budget.unit_code, fiscalYear: budget.fiscal_year, publishedBy: caller.userId })
          : undefined;
      const reached = decision.stageIndex === null ? undefined : stageAt(chain, decision.round, decision.stageIndex);
      await this.outbox.addEffects(m, decision.effects, {
        budgetId: id,
        action,
        round: place.round,
        stage: heardOf(chain, decision, stage)?.stage,
        stageName: stage?.stage.name,
        // an approval that hands the budget on names the stage it went to: not the 批复
        nextStageName: action === 'approve' ? reached?.stage.name : undefined,
      });
      // a 审签 leaves the budget approved and its files as they are
      if (renders) await this.outbox.addApproved(m, id, budget.revision_no);
      if (has('record-sign-off')) await this.signOffs.insert(m, { budgetId: id, revisionNo: budget.revision_no, signerId: caller.userId, opinion: input.opinion ?? '' });
      await this.trail.move(m, id, {
        round: decision.round,
        stageIndex: decision.stageIndex,
        chain: action === 'submit' ? chain : null,
        keepProposal: decision.effects.some((e) => e.type === 'keep-proposal'),
        // an adjustment's 批复 is the adjustment's; the budget's own 批复 (and its 20-day clock) stands
        reply: has('record-reply') ? reply : null,
      });
      if (reply !== null) await this.trail.recordIndicators(m, id, budget.revision_no, reply);
      if (reply !== null && has('record-adjustment')) await this.adjustments.approve(m, id, budget.revision_no, reply);
      if (has('open-adjustment') && input.kind !== undefined && input.reason !== undefined) {
        await this.adjustments.open(m, { budgetId: id, kind: input.kind, reason: input.reason, baseRevisionNo: budget.revision_no, requestedBy: caller.userId });
      }
      await this.trail.append(m, {
        budgetId: id,
        revisionNo: updated.revision_no,
        round: place.round,
        stageIndex: stage?.index ?? null,
        stageName: stage?.stage.name ?? null,
        action,
        actorId: caller.userId,
        onBehalfOfId: onBehalfOf?.userId ?? null,
        opinion: input.opinion ?? null,
        reason: input.reason ?? null,
        documentNo: reply?.documentNo ?? null,
        repliedOn: reply?.date ?? null,
      });
      const result: TActionResult = {
        id,
        action,
        state: decision.next,
        round: decision.round,
        stageIndex: decision.stageIndex,
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
          round: decision.round,
          ...(stage === undefined ? {} : { stage: stage.stage.name }),
          ...(input.reason === undefined ? {} : { reason: input.reason }),
          ...(input.opinion === undefined ? {} : { opinion: input.opinion }),
          ...(reply === null ? {} : { documentNo: reply.documentNo, repliedOn: reply.date }),
          ...(onBehalfOf === undefined ? {} : { onBehalfOf: onBehalfOf.username, actedAs: `${caller.username} on behalf of ${onBehalfOf.username}` }),
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

  /** What publish and sign-off need: whether the bureau's policy of the year requires a 审签, and who gave the revision's. */
  private async addSignOff(context: WorkflowContext, budget: TBudgetRow): Promise<void> {
    const m = this.dataSource.manager;
    context.signOffRequired = await this.policies.signOffRequired(m, budget.department_id, budget.fiscal_year);
    const signer = budget.revision_no === 0 ? undefined : await this.signOffs.signerOf(m, budget.id, budget.revision_no);
    if (signer !== undefined) context.signedOffBy = signer;
  }

  /** What the domain's guards need: who submitted and edited the revision under review, and its errors. */
  private async contextFor(
    caller: TCaller,
    budget: TBudgetRow,
    derivation: TDerivation | undefined,
    input: TActionInput,
    round: BudgetRound,
    stage: StagePosition | undefined,
  ): Promise<WorkflowContext> {
    const latest = budget.revision_no > 0 ? await this.revisions.findMeta(this.dataSource.manager, budget.id, budget.revision_no) : undefined;
    return {
      departmentCode: budget.department_code,
      ...(budget.unit_code === null ? {} : { unitCode: budget.unit_code }),
      ...(latest === undefined ? {} : { submitterId: latest.submittedBy.id }),
      editorIds: latest?.editorIds ?? [],
      errorCount: derivation?.errorCount ?? 0,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      ...(input.opinion === undefined ? {} : { opinion: input.opinion }),
      ...(input.kind === undefined ? {} : { adjustmentKind: input.kind }),
      reply: { ...(input.documentNo === undefined ? {} : { documentNo: input.documentNo }), ...(input.date === undefined ? {} : { date: input.date }) },
      reviewerScope: reviewerScopeOf(caller, budget),
      round,
      ...(stage === undefined ? {} : { stage }),
    };
  }

  /**
   * Whom a reviewer acts as at the budget's stage: themselves when the stage is theirs, else the
   * first colleague who delegated to them for today and whose stage it is (the audit then says
   * "X on behalf of Y"); themselves when nobody fits, so that the domain refuses with NOT_YOUR_STAGE.
   */
  private async principalFor(caller: TCaller, stage: StagePosition | undefined, departmentCode: string): Promise<TPrincipal | undefined> {
    if (caller.role !== 'reviewer') return undefined;
    const principals = await this.offices.principals(this.dataSource.manager, caller.userId);
    return fittingPrincipal(caller, principals, stage, departmentCode) ?? principals[0];
  }

  /** Whether the budget's current stage is the caller's (or a delegator's): the screens offer its actions only then. */
  async actsAtStage(caller: TCaller, stage: StagePosition | undefined, departmentCode: string): Promise<boolean> {
    return (await this.stageTest(caller))(stage, departmentCode);
  }

  /** actsAtStage for many budgets, reading the caller's delegations once. */
  async stageTest(caller: TCaller): Promise<(stage: StagePosition | undefined, departmentCode: string) => boolean> {
    if (caller.role === 'department_reviewer') {
      const own = caller.departmentCode;
      return (stage, departmentCode) => stage !== undefined && own !== null && fitsStage(stage.stage, { role: caller.role, reviewerScope: [own] }, departmentCode);
    }
    if (caller.role !== 'reviewer') return () => false;
    const principals = await this.offices.principals(this.dataSource.manager, caller.userId);
    return (stage, departmentCode) => stage !== undefined && fittingPrincipal(caller, principals, stage, departmentCode) !== undefined;
  }
}

/** The departments of the budget's the caller reviews: a bureau reviewer's scope, a department reviewer's own department. */
function reviewerScopeOf(caller: TCaller, budget: TBudgetRow): WorkflowContext['reviewerScope'] {
  if (caller.role === 'department_reviewer') return caller.departmentId === budget.department_id ? [budget.department_code] : [];
  const scope = caller.reviewDepartmentIds;
  return scope === 'all' ? 'all' : scope.includes(budget.department_id) ? [budget.department_code] : [];
}

function fittingPrincipal(caller: TCaller, principals: readonly TPrincipal[], stage: StagePosition | undefined, departmentCode: string): TPrincipal | undefined {
  return stage === undefined ? undefined : principals.find((p) => fitsStage(stage.stage, { role: caller.role, office: p.office, reviewerScope: p.scope }, departmentCode));
}

/**
 * The stage whose reviewers hear of a step: the one the budget now waits on; else the one it left
 * (a withdrawal); else, for an adjustment asked, the first stage, which will review it.
 */
function heardOf(chain: ReviewChain, decision: { round: BudgetRound; stageIndex: number | null }, left: StagePosition | undefined): StagePosition | undefined {
  return decision.stageIndex !== null ? stageAt(chain, decision.round, decision.stageIndex) : (left ?? stageAt(chain, decision.round, 0));
}

function replay(stored: { fingerprint: string; status: number; body: unknown }, fingerprint: string): TActionResult {
  if (stored.fingerprint !== fingerprint) {
    throw new AppError('CONFLICT', 'This Idempotency-Key was used for a different request', [{ path: 'Idempotency-Key', message: 'reused for another request' }]);
  }
  return stored.body as TActionResult;
}
