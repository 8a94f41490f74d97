import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueInForce } from './catalogue-in-force';
import { CatalogueService } from './catalogue.service';
import { CatalogueUploadsRepository } from './catalogue-uploads.repository';

/** Exports CatalogueInForce: `forYear(year)` is the edition budgets are checked and derived under. */
@Module({ controllers: [CatalogueController], providers: [CatalogueService, CatalogueUploadsRepository, CatalogueInForce], exports: [CatalogueInForce] })
export class CatalogueModule {}
