import { Module } from '@nestjs/common';
import { BureauModule } from '../bureau/bureau.module';
import { CeilingsController } from './ceilings.controller';
import { CeilingsRepository } from './ceilings.repository';
import { CeilingsService } from './ceilings.service';

/** Exports CeilingsService: the workflow asks it which ceilings a submission exceeds. */
@Module({ imports: [BureauModule], controllers: [CeilingsController], providers: [CeilingsService, CeilingsRepository], exports: [CeilingsService, CeilingsRepository] })
export class CeilingsModule {}
