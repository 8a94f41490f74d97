import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type TAppConfig } from '../../config/app-config';
import { AuditHeads } from '../audit/audit-heads';
import { PublicationsModule } from '../publications/publications.module';
import { PublicAuditController } from './public-audit.controller';
import { PublicController } from './public.controller';
import { PublicationsRepository } from './publications.repository';

@Module({
  imports: [PublicationsModule],
  controllers: [PublicController, PublicAuditController],
  providers: [PublicationsRepository, { provide: AuditHeads, inject: [DataSource, APP_CONFIG], useFactory: (ds: DataSource, config: TAppConfig) => new AuditHeads(ds, config.auditKey) }],
  exports: [PublicationsRepository],
})
export class PublicModule {}
