import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type TAppConfig } from '../../config/app-config';
import { AuditHeads } from '../audit/audit-heads';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PublicationsModule } from '../publications/publications.module';
import { PortalController } from './portal.controller';
import { PortalRepository } from './portal.repository';
import { PortalService } from './portal.service';
import { PublicAuditController } from './public-audit.controller';
import { PublicController } from './public.controller';
import { PublicationsRepository } from './publications.repository';
import { ReadableDisclosures } from './readable-disclosures.service';

@Module({
  imports: [PublicationsModule, CatalogueModule],
  controllers: [PublicController, PortalController, PublicAuditController],
  providers: [PublicationsRepository, PortalRepository, PortalService, ReadableDisclosures, { provide: AuditHeads, inject: [DataSource, APP_CONFIG], useFactory: (ds: DataSource, config: TAppConfig) => new AuditHeads(ds, config.auditKey) }],
  exports: [PublicationsRepository, ReadableDisclosures],
})
export class PublicModule {}
