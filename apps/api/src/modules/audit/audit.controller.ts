import { Controller, Get } from '@nestjs/common';
import { z } from 'zod';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { TChainVerdict } from './audit-chain';
import { AuditService } from './audit.service';

const ZChainVerdict = z.union([
  z.object({ ok: z.literal(true), checked: z.number().int() }),
  z.object({ ok: z.literal(false), checked: z.number().int(), brokenId: z.string(), reason: z.string() }),
]);

documentRoute({
  method: 'get',
  path: '/api/audit/verify',
  summary: 'Recompute the audit trail’s hash chain (as `pnpm budget audit-verify` does) and name the first broken entry',
  tags: ['audit'],
  access: ['admin'],
  response: { status: 200, schema: ZChainVerdict },
});

@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Roles('admin')
  verify(): Promise<TChainVerdict> {
    return this.audit.verifyChain();
  }
}
