import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { BureauDeskController } from './bureau-desk.controller';
import { BureauDeskRepository } from './bureau-desk.repository';
import { BureauDeskService } from './bureau-desk.service';
import { BureauController } from './bureau.controller';
import { BureauService } from './bureau.service';
import { OrganisationRepository } from './organisation.repository';
import { ReviewChainsRepository } from './review-chains.repository';
import { ReviewerOfficesRepository } from './reviewer-offices.repository';
import { PublicationPoliciesController } from './publication-policies.controller';
import { PublicationPoliciesRepository } from './publication-policies.repository';
import { PublicationPoliciesService } from './publication-policies.service';

/** The finance bureau as data (its offices, the departments they review, the review chains, publication policies and delegations) and its desk. */
@Module({
  imports: [CatalogueModule],
  controllers: [BureauController, BureauDeskController, PublicationPoliciesController],
  providers: [BureauService, OrganisationRepository, ReviewChainsRepository, ReviewerOfficesRepository, BureauDeskService, BureauDeskRepository, PublicationPoliciesService, PublicationPoliciesRepository],
  exports: [ReviewChainsRepository, ReviewerOfficesRepository, PublicationPoliciesRepository],
})
export class BureauModule {}
