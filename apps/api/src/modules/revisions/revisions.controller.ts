import { ZRevision, ZRevisionMeta } from '@budgetflow/domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { notFound } from '../../common/errors/app-error';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { RevisionsService } from './revisions.service';

export const ZRevisionNo = z.coerce.number().int().min(1).max(1_000_000);
const ZDiffQuery = z.strictObject({ from: ZRevisionNo, to: ZRevisionNo });
export const ZIdParams = z.object({ id: z.uuid() });

documentRoute({ method: 'get', path: '/api/budgets/{id}/revisions', summary: 'Frozen revisions of a budget (no content)', tags: ['revisions'], access: ALL_ROLES, params: ZIdParams, response: { status: 200, schema: z.object({ items: z.array(ZRevisionMeta) }) } });
documentRoute({ method: 'get', path: '/api/budgets/{id}/revisions/{no}', summary: 'One revision: document, derived tables, findings, sha256', tags: ['revisions'], access: ALL_ROLES, params: ZIdParams.extend({ no: ZRevisionNo }), response: { status: 200, schema: ZRevision } });
documentRoute({ method: 'get', path: '/api/budgets/{id}/diff', summary: 'Lines added/removed/changed, table cells moved, findings appeared/resolved between two revisions', tags: ['revisions'], access: ALL_ROLES, params: ZIdParams, query: ZDiffQuery, response: { status: 200 } });

@Controller('api/budgets/:id')
export class RevisionsController {
  constructor(private readonly revisions: RevisionsService) {}

  @Get('revisions')
  @Roles(...ALL_ROLES)
  list(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string) {
    return this.revisions.list(caller, id);
  }

  @Get('revisions/:no')
  @Roles(...ALL_ROLES)
  get(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Param('no') no: string) {
    const parsed = ZRevisionNo.safeParse(no);
    if (!parsed.success) throw notFound('Revision');
    return this.revisions.get(caller, id, parsed.data);
  }

  @Get('diff')
  @Roles(...ALL_ROLES)
  diff(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Query(new ZodPipe(ZDiffQuery)) query: z.output<typeof ZDiffQuery>) {
    return this.revisions.diff(caller, id, query.from, query.to);
  }
}
