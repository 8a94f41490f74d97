import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** Global: every module that changes something records it with AuditService.append. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
