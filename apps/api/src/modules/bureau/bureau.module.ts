import { Module } from '@nestjs/common';
import { BureauController } from './bureau.controller';
import { BureauService } from './bureau.service';
import { OrganisationRepository } from './organisation.repository';
import { ReviewChainsRepository } from './review-chains.repository';
import { ReviewerOfficesRepository } from './reviewer-offices.repository';

/** The finance bureau as data: its offices, the departments they review, the review chains and delegations. */
@Module({
  controllers: [BureauController],
  providers: [BureauService, OrganisationRepository, ReviewChainsRepository, ReviewerOfficesRepository],
  exports: [ReviewChainsRepository, ReviewerOfficesRepository],
})
export class BureauModule {}
