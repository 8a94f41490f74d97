import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { TChainVerdict } from './audit-chain';
import { AuditService, type TAuditEntry } from './audit.service';

const ZChainVerdict = z.union([
  z.object({ ok: z.literal(true), checked: z.number().int() }),
  z.object({ ok: z.literal(false), checked: z.number().int(), brokenId: z.string(), reason: z.string() }),
]);

/** Who did what, when, to which object: the 安全审计员's search of the whole trail. */
const ZAuditQuery = z.strictObject({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional().describe('a dotted verb, or its beginning: `auth.` finds every sign-in entry'),
  entity: z.string().max(32).optional(),
  entityId: z.string().max(64).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  afterId: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAuditQuery = z.output<typeof ZAuditQuery>;
const ZAuditEntry = z.object({ id: z.string(), at: z.string(), actor: z.string(), action: z.string(), entity: z.string(), entityId: z.string(), budgetId: z.string().nullable(), payload: z.record(z.string(), z.unknown()), hash: z.string().nullable() });

documentRoute({ method: 'get', path: '/api/audit/entries', summary: 'Search the audit trail, oldest first (安全审计员)', tags: ['audit'], access: ['auditor'], query: ZAuditQuery, response: { status: 200, schema: z.array(ZAuditEntry) } });
documentRoute({
  method: 'get',
  path: '/api/audit/verify',
  summary: 'Recompute the audit trail’s hash chain (as `pnpm budget audit-verify` does) and name the first broken entry',
  tags: ['audit'],
  access: ['admin', 'auditor'],
  response: { status: 200, schema: ZChainVerdict },
});

@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('entries')
  @Roles('auditor')
  entries(@Query(new ZodPipe(ZAuditQuery)) query: TAuditQuery): Promise<TAuditEntry[]> {
    return this.audit.search(query);
  }

  @Get('verify')
  @Roles('admin', 'auditor')
  verify(): Promise<TChainVerdict> {
    return this.audit.verifyChain();
  }
}
