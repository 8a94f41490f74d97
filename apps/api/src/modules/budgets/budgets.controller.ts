import { ZBudgetDocument, type TBudgetDocument } from '@budgetflow/domain';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { AuditService, type TAuditEntry } from '../audit/audit.service';
import { BudgetsService, type TBudgetCarried, type TBudgetSummary } from './budgets.service';
import {
  ZCreateBudgetRequest,
  ZLinesPatchRequest,
  ZListBudgetsQuery,
  ZReadBudgetQuery,
  type TCreateBudgetRequest,
  type TLinesPatchRequest,
  type TListBudgetsQuery,
  type TReadBudgetQuery,
} from './dto/budget-requests.schema';
import { DocumentExportService } from './document-export.service';
import { acceptsGzip, etagOf, IdPipe, versionSeen } from './request-parts';
import { gzipSpliceJson } from './gzip-splice';
import { spliceJson } from './splice-json';

const ZIdParams = z.object({ id: z.uuid() });
const ZIfMatch = z.object({ 'if-match': z.string().optional().describe('The ETag of the version edited, e.g. "7"') });
const ZAuditQuery = z.strictObject({
  afterId: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const EDITORS = ['preparer'] as const;

documentRoute({ method: 'get', path: '/api/budgets', summary: 'Budgets the caller may see, paginated', tags: ['budgets'], access: ALL_ROLES, query: ZListBudgetsQuery, response: { status: 200 } });
documentRoute({ method: 'post', path: '/api/budgets', summary: "Create a draft for the preparer's department and a fiscal year; with fromRevision, started from last year's approved or published revision of the same department (its answer's `carried` says what was taken over). A unit's preparer creates the unit's budget (单位预算), started from its part of the department's budget of the year (409 NO_DEPARTMENT_BUDGET before that exists)", tags: ['budgets'], access: EDITORS, body: ZCreateBudgetRequest, response: { status: 201 }, problems: [404, 409] });
documentRoute({ method: 'get', path: '/api/budgets/{id}', summary: 'A budget: state, version (also as ETag), totals, a page of lines, derived tables, findings; beside a 部门预算 its units’ budgets (`unitBudgets`), whose lines it holds read-only', tags: ['budgets'], access: ALL_ROLES, params: ZIdParams, query: ZReadBudgetQuery, response: { status: 200 } });
documentRoute({ method: 'patch', path: '/api/budgets/{id}/lines', summary: 'Add, replace and remove lines at the version last seen (version field or If-Match)', tags: ['budgets'], access: EDITORS, params: ZIdParams, headers: ZIfMatch, body: ZLinesPatchRequest, response: { status: 200 }, problems: [409] });
documentRoute({ method: 'put', path: '/api/budgets/{id}/document', summary: 'Replace the working copy by a whole document (domain JSON); If-Match required', tags: ['budgets'], access: EDITORS, params: ZIdParams, headers: ZIfMatch, body: ZBudgetDocument, response: { status: 200 }, problems: [409] });
documentRoute({ method: 'get', path: '/api/budgets/{id}/document', summary: 'Export the whole document (domain JSON) at its current version', tags: ['budgets'], access: ALL_ROLES, params: ZIdParams, response: { status: 200, schema: ZBudgetDocument } });
/**
 * A budget's own trail (who created, edited, submitted, approved it): read by the people who work
 * on the budget, as its 流转记录. Not by the 系统管理员: under 三员分立 the administrator, whose own
 * acts the audit records, reads no audit entry; the whole trail is the 安全审计员's (GET /api/audit).
 */
const BUDGET_PEOPLE = ALL_ROLES.filter((role) => role !== 'admin');
documentRoute({ method: 'get', path: '/api/budgets/{id}/audit', summary: "The budget's audit trail, oldest first (its own people; not the system administrator)", tags: ['budgets'], access: BUDGET_PEOPLE, params: ZIdParams, query: ZAuditQuery, response: { status: 200 } });

/** Thin: parse, call the service, set the ETag. Visibility and rules live in the services. */
@Controller('api/budgets')
export class BudgetsController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly exports: DocumentExportService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  list(@Caller() caller: TCaller, @Query(new ZodPipe(ZListBudgetsQuery)) query: TListBudgetsQuery) {
    return this.budgets.list(caller, query);
  }

  @Post()
  @Roles(...EDITORS)
  create(@Caller() caller: TCaller, @Body(new ZodPipe(ZCreateBudgetRequest)) body: TCreateBudgetRequest): Promise<TBudgetSummary & { carried?: TBudgetCarried }> {
    return this.budgets.create(caller, body);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  async read(
    @Caller() caller: TCaller,
    @Param('id', new IdPipe('Budget')) id: string,
    @Query(new ZodPipe(ZReadBudgetQuery)) query: TReadBudgetQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { head, derived } = await this.budgets.read(caller, id, query);
    res.setHeader('ETag', etagOf(head.version));
    res.setHeader('Vary', 'Accept-Encoding');
    // The derived part is hundreds of kB for a large budget: gzipped once per version, not per answer.
    if (acceptsGzip(req)) {
      res.setHeader('Content-Encoding', 'gzip');
      res.type('application/json').send(gzipSpliceJson(head, derived.json));
      return;
    }
    res.type('application/json').send(spliceJson(head, derived.json));
  }

  @Patch(':id/lines')
  @Roles(...EDITORS)
  @HttpCode(200)
  async patchLines(
    @Caller() caller: TCaller,
    @Param('id', new IdPipe('Budget')) id: string,
    @Body(new ZodPipe(ZLinesPatchRequest)) body: TLinesPatchRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ id: string; version: number }> {
    const result = await this.budgets.patchLines(caller, id, body, versionSeen(body.version, ifMatch));
    res.setHeader('ETag', etagOf(result.version));
    return result;
  }

  @Put(':id/document')
  @Roles(...EDITORS)
  async importDocument(
    @Caller() caller: TCaller,
    @Param('id', new IdPipe('Budget')) id: string,
    @Body(new ZodPipe(ZBudgetDocument)) document: TBudgetDocument,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ id: string; version: number }> {
    const result = await this.budgets.importDocument(caller, id, document, versionSeen(undefined, ifMatch));
    res.setHeader('ETag', etagOf(result.version));
    return result;
  }

  @Get(':id/document')
  @Roles(...ALL_ROLES)
  async exportDocument(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.exports.streamDocument(caller, id, res, acceptsGzip(req));
  }

  @Get(':id/audit')
  @Roles(...BUDGET_PEOPLE)
  async auditTrail(
    @Caller() caller: TCaller,
    @Param('id', new IdPipe('Budget')) id: string,
    @Query(new ZodPipe(ZAuditQuery)) query: z.output<typeof ZAuditQuery>,
  ): Promise<{ items: TAuditEntry[] }> {
    await this.budgets.mustFind(this.budgets.manager(), caller, id);
    const items = await this.audit.listForBudget(id, { ...(query.afterId === undefined ? {} : { afterId: query.afterId }), limit: query.limit });
    // Entry ids are bigint text: order them as numbers ("10" after "9"), oldest first.
    return { items: items.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)) };
  }
}
