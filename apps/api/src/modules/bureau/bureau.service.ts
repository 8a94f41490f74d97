import type { ReviewChain } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { AppError, notFound } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import type { TChainView, TColleague, TCreateDelegation, TDelegation, TOrganisation, TPutBureau, TPutOffice } from './dto/bureau.schema';
import { OrganisationRepository } from './organisation.repository';
import { ReviewChainsRepository } from './review-chains.repository';

/**
 * The administrator's organisation of the review: bureaus, offices, their departments and
 * reviewers, budget units' levels and the chain per bureau and year. Every change is audited.
 * A chain edited here applies to budgets submitted from now on; those in review keep theirs.
 */
@Injectable()
export class BureauService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly organisation: OrganisationRepository,
    private readonly chains: ReviewChainsRepository,
    private readonly audit: AuditService,
  ) {}

  read(): Promise<TOrganisation> {
    return this.organisation.read(this.dataSource.manager);
  }

  async putBureau(caller: TCaller, code: string, body: TPutBureau): Promise<TOrganisation> {
    await this.dataSource.transaction(async (m) => {
      await this.mustBeDepartments(m, body.departments, 'departments');
      const id = await this.organisation.putBureau(m, code, body.name);
      await this.organisation.assignDepartments(m, id, body.departments);
      await this.audit.append(m, { actor: caller.username, action: 'bureau.put', entity: 'bureau', entityId: code, payload: body });
    });
    return this.read();
  }

  async putOffice(caller: TCaller, code: string, body: TPutOffice): Promise<TOrganisation> {
    await this.dataSource.transaction(async (m) => {
      const bureauId = await this.mustFindBureau(m, body.bureau);
      await this.mustBeDepartments(m, body.departments, 'departments');
      const strangers = await this.organisation.nonReviewers(m, body.reviewers);
      if (strangers.length > 0) throw new AppError('VALIDATION_FAILED', 'Only reviewers belong to an office', [{ path: 'reviewers', message: `not reviewers: ${strangers.join(', ')}` }]);
      await this.organisation.putOffice(m, { bureauId, code, name: body.name, kind: body.kind, departments: body.departments, reviewers: body.reviewers });
      await this.audit.append(m, { actor: caller.username, action: 'office.put', entity: 'office', entityId: code, payload: body });
    });
    return this.read();
  }

  async putUnitLevel(caller: TCaller, code: string, level: 'self' | 'subordinate'): Promise<TOrganisation> {
    await this.dataSource.transaction(async (m) => {
      if (!(await this.organisation.setUnitLevel(m, code, level))) throw notFound('Budget unit');
      await this.audit.append(m, { actor: caller.username, action: 'budget-unit.level', entity: 'budget-unit', entityId: code, payload: { level } });
    });
    return this.read();
  }

  async chain(bureau: string, fiscalYear: number): Promise<TChainView> {
    const m = this.dataSource.manager;
    const stored = await this.chains.find(m, await this.mustFindBureau(m, bureau), fiscalYear);
    return { bureau, fiscalYear, configured: stored.configured, version: stored.version, chain: stored.chain };
  }

  async putChain(caller: TCaller, bureau: string, fiscalYear: number, chain: ReviewChain): Promise<TChainView> {
    await this.dataSource.transaction(async (m) => {
      const bureauId = await this.mustFindBureau(m, bureau);
      const offices = await this.organisation.officeCodes(m, bureauId);
      const unknown = chain.stages.flatMap((s, i) => (s.office.by === 'office' && !offices.has(s.office.code) ? [{ path: `stages.${i}.office.code`, message: `no office ${s.office.code} in bureau ${bureau}` }] : []));
      if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', 'The chain names an office the bureau does not have', unknown);
      await this.chains.put(m, bureauId, fiscalYear, chain, caller.userId);
      await this.audit.append(m, { actor: caller.username, action: 'review-chain.put', entity: 'review-chain', entityId: `${bureau}/${fiscalYear}`, payload: chain });
    });
    return this.chain(bureau, fiscalYear);
  }

  /** A delegation goes to a colleague (colleaguesOf) for a period that starts today or later. */
  async delegate(caller: TCaller, body: TCreateDelegation): Promise<TDelegation> {
    return this.dataSource.transaction(async (m) => {
      const delegate = (await this.organisation.colleaguesOf(m, caller.userId)).find((c) => c.username === body.delegate);
      if (delegate === undefined) {
        throw new AppError('VALIDATION_FAILED', 'A delegation goes to another active reviewer of your finance bureau', [{ path: 'delegate', message: `${body.delegate} is not a colleague you may delegate to` }]);
      }
      const today = await this.organisation.today(m);
      if (body.startsOn < today) throw new AppError('VALIDATION_FAILED', 'A delegation cannot start in the past', [{ path: 'startsOn', message: `starts before today (${today})` }]);
      const id = await this.organisation.insertDelegation(m, { delegatorId: caller.userId, delegateId: delegate.userId, startsOn: body.startsOn, endsOn: body.endsOn, reason: body.reason ?? null });
      await this.audit.append(m, { actor: caller.username, action: 'delegation.create', entity: 'delegation', entityId: id, payload: body });
      const [created] = await this.organisation.delegationsOf(m, caller.userId, id);
      if (created === undefined) throw new Error(`delegation ${id} vanished`);
      return created;
    });
  }

  async colleagues(caller: TCaller): Promise<{ items: TColleague[] }> {
    const rows = await this.organisation.colleaguesOf(this.dataSource.manager, caller.userId);
    return { items: rows.map((c) => ({ username: c.username, displayName: c.displayName, office: c.office })) };
  }

  async delegations(caller: TCaller): Promise<{ items: TDelegation[] }> {
    return { items: await this.organisation.delegationsOf(this.dataSource.manager, caller.userId) };
  }

  async revoke(caller: TCaller, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (!(await this.organisation.revokeDelegation(m, caller.userId, id))) throw notFound('Delegation');
      await this.audit.append(m, { actor: caller.username, action: 'delegation.revoke', entity: 'delegation', entityId: id, payload: {} });
    });
  }

  private async mustFindBureau(m: EntityManager, code: string): Promise<string> {
    const id = await this.organisation.bureauId(m, code);
    if (id === undefined) throw notFound('Bureau');
    return id;
  }

  private async mustBeDepartments(m: EntityManager, codes: readonly string[], path: string): Promise<void> {
    const unknown = await this.organisation.unknownDepartments(m, codes);
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', 'Unknown departments', [{ path, message: `no department ${unknown.join(', ')}` }]);
  }
}
