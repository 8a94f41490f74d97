import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditChainer } from './audit-chainer';
import { AuditService } from './audit.service';

/** Global: every module that changes something records it with AuditService.append. */
@Global()
@Module({ controllers: [AuditController], providers: [AuditService, AuditChainer], exports: [AuditService] })
export class AuditModule {}
