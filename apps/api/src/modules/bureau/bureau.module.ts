import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { BureauController } from './bureau.controller';
import { BureauRepository } from './bureau.repository';
import { BureauService } from './bureau.service';

@Module({ imports: [CatalogueModule], controllers: [BureauController], providers: [BureauService, BureauRepository] })
export class BureauModule {}
