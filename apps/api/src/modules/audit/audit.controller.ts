import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { TChainVerdict } from './audit-chain';
import { AuditService } from './audit.service';
import { TAuditPage, TAuditSearch, ZAuditPage, ZAuditSearch } from './dto/audit-search.schema';

const ZChainVerdict = z.union([
  z.object({ ok: z.literal(true), checked: z.number().int() }),
  z.object({ ok: z.literal(false), checked: z.number().int(), brokenId: z.string(), reason: z.string() }),
]);

documentRoute({
  method: 'get',
  path: '/api/audit/verify',
  summary: 'Recompute the audit trail’s hash chain (as `pnpm budget audit-verify` does) and name the first broken entry',
  tags: ['audit'],
  access: ['admin', 'auditor'],
  response: { status: 200, schema: ZChainVerdict },
});

documentRoute({
  method: 'get',
  path: '/api/audit',
  summary: 'Search the audit trail (who, what, object, when), newest first, paged by entry id (系统管理员, 安全审计员)',
  tags: ['audit'],
  access: ['admin', 'auditor'],
  query: ZAuditSearch,
  response: { status: 200, schema: ZAuditPage },
});

@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'auditor')
  search(@Query(new ZodPipe(ZAuditSearch)) query: TAuditSearch): Promise<TAuditPage> {
    return this.audit.search(query);
  }

  @Get('verify')
  @Roles('admin', 'auditor')
  verify(): Promise<TChainVerdict> {
    return this.audit.verifyChain();
  }
}
