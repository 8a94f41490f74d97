import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { notFound } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import type { TPolicyView } from './dto/publication-policy.schema';
import { OrganisationRepository } from './organisation.repository';
import { PublicationPoliciesRepository } from './publication-policies.repository';

/** The administrator's publication policy per bureau and year (公开前须审签); every change is audited. */
@Injectable()
export class PublicationPoliciesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly organisation: OrganisationRepository,
    private readonly policies: PublicationPoliciesRepository,
    private readonly audit: AuditService,
  ) {}

  async read(bureau: string, fiscalYear: number): Promise<TPolicyView> {
    const m = this.dataSource.manager;
    const bureauId = await this.organisation.bureauId(m, bureau);
    if (bureauId === undefined) throw notFound('Bureau');
    return { bureau, fiscalYear, ...(await this.policies.find(m, bureauId, fiscalYear)) };
  }

  /** Applies to publications from now on: an approved budget already signed off keeps its sign-off. */
  async put(caller: TCaller, bureau: string, fiscalYear: number, signOffRequired: boolean): Promise<TPolicyView> {
    await this.dataSource.transaction(async (m) => {
      const bureauId = await this.organisation.bureauId(m, bureau);
      if (bureauId === undefined) throw notFound('Bureau');
      await this.policies.put(m, bureauId, fiscalYear, signOffRequired, caller.userId);
      await this.audit.append(m, { actor: caller.username, action: 'publication-policy.put', entity: 'publication-policy', entityId: `${bureau}/${fiscalYear}`, payload: { signOffRequired } });
    });
    return this.read(bureau, fiscalYear);
  }
}
