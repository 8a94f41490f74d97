import { Controller, Get, Query } from '@nestjs/common';
import { ZChainVerdict, type TChainVerdict } from '@budgetflow/domain';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { AuditService } from './audit.service';
import { TAuditPage, TAuditSearch, ZAuditPage, ZAuditSearch } from './dto/audit-search.schema';

/**
 * 三员分立: only the 安全审计员 reads the audit trail. The 系统管理员, whose actions it records, and the
 * 安全保密管理员 do not (403), nor does anyone who works on a budget; the signed chain head stays
 * public (GET /api/public/audit/head).
 */
const AUDIT_READERS = ['auditor'] as const;

documentRoute({
  method: 'get',
  path: '/api/audit/verify',
  summary: 'Recompute the audit trail’s hash chain (as `pnpm budget audit-verify` does) and name the first broken entry',
  tags: ['audit'],
  access: AUDIT_READERS,
  response: { status: 200, schema: ZChainVerdict },
});

documentRoute({
  method: 'get',
  path: '/api/audit',
  summary: 'Search the audit trail (who, what, object, when, each edited field old → new), newest first, paged by entry id (安全审计员 only)',
  tags: ['audit'],
  access: AUDIT_READERS,
  query: ZAuditSearch,
  response: { status: 200, schema: ZAuditPage },
});

@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(...AUDIT_READERS)
  search(@Query(new ZodPipe(ZAuditSearch)) query: TAuditSearch): Promise<TAuditPage> {
    return this.audit.search(query);
  }

  @Get('verify')
  @Roles(...AUDIT_READERS)
  verify(): Promise<TChainVerdict> {
    return this.audit.verifyChain();
  }
}
