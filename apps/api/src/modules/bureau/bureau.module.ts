import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { BureauController } from './bureau.controller';
import { BureauRepository } from './bureau.repository';
import { BureauService } from './bureau.service';
import { ReviewChainsRepository } from './review-chains.repository';
import { ReviewerOfficesRepository } from './reviewer-offices.repository';

/** The finance bureau as data (its offices, the departments they review, the review chains) and its desk. */
@Module({
  imports: [CatalogueModule],
  controllers: [BureauController],
  providers: [BureauService, BureauRepository, ReviewChainsRepository, ReviewerOfficesRepository],
  exports: [ReviewChainsRepository, ReviewerOfficesRepository],
})
export class BureauModule {}
