import { Module } from '@nestjs/common';
import { ReviewChainsRepository } from './review-chains.repository';
import { ReviewerOfficesRepository } from './reviewer-offices.repository';

/** The finance bureau as data: its offices, the departments they review, and the review chains. */
@Module({ providers: [ReviewChainsRepository, ReviewerOfficesRepository], exports: [ReviewChainsRepository, ReviewerOfficesRepository] })
export class BureauModule {}
