import { Controller, Get, Headers, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { BudgetsService } from './budgets.service';
import { DocumentExportService } from './document-export.service';
import { etagOf, IdPipe, versionSeen } from './request-parts';
import { holdConnectionWhileMaking } from '../../common/http/long-answer';
import { attachmentDisposition } from '../../common/http/content-disposition';
import { readWorkbookBody, XLSX_MEDIA_TYPE } from './workbook-body';
import { OTHER_PART_NAMES, WorkbookImportService, type TWorkbookPreview } from './workbook-import.service';

const ZIdParams = z.object({ id: z.uuid() });
const ZIfMatch = z.object({ 'if-match': z.string().describe('The ETag of the version edited, e.g. "7"') });
const ZPreviewParams = z.object({ id: z.uuid(), previewId: z.uuid() });
const ZWorkbook = z.string().describe('The .xlsx bytes of a template exported by GET /api/budgets/{id}/workbook, edited');
const ZLineChanges = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  addedLines: z.array(z.record(z.string(), z.unknown())).describe('At most 200'),
  removedLines: z.array(z.record(z.string(), z.unknown())).describe('At most 200'),
  changedLines: z.array(z.object({ id: z.string(), fields: z.array(z.string()), before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()) })).describe('At most 200'),
});
const ZPreview = z.object({
  previewId: z.uuid().describe('Confirm with POST /api/budgets/{id}/workbook/previews/{previewId}/confirm'),
  baseVersion: z.number().int().describe('The version read against; the confirm is refused (409) once the budget moved past it'),
  expenditure: ZLineChanges,
  income: ZLineChanges,
  projects: ZLineChanges.describe('Projects by id: a changed part (details, indicators …) is named as one field'),
  otherParts: z
    .array(z.enum(OTHER_PART_NAMES))
    .describe('The department\'s parts the workbook changes besides: 预算单位, 人员构成, 主要职能, 部门绩效指标, 上年数, 变动原因, 其他说明'),
  errorCount: z.number().int(),
  findings: z.array(z.record(z.string(), z.unknown())).describe('The findings the budget would have once imported'),
});
const EDITORS = ['preparer'] as const;

documentRoute({
  method: 'get',
  path: '/api/budgets/{id}/workbook',
  summary: 'Export the working copy as the import template (.xlsx: sheets 收入 and 支出, one line per row; 项目 with a row per project and 项目资金来源, 项目测算明细, 项目采购, 项目绩效指标 naming it in their first column; 部门职能 and 部门绩效指标); ETag is the version',
  tags: ['budgets'],
  access: ALL_ROLES,
  params: ZIdParams,
  response: { status: 200, description: 'The workbook', schema: ZWorkbook, contentType: XLSX_MEDIA_TYPE },
});
documentRoute({
  method: 'put',
  path: '/api/budgets/{id}/workbook',
  summary: "Replace the working copy's lines (and projects, where the template has their sheets) by those of an edited template; If-Match required; a bad cell is named by sheet.row.field and nothing changes",
  tags: ['budgets'],
  access: EDITORS,
  params: ZIdParams,
  headers: ZIfMatch,
  body: ZWorkbook,
  bodyContentType: XLSX_MEDIA_TYPE,
  response: { status: 200 },
  problems: [409, 413, 415],
});

documentRoute({
  method: 'post',
  path: '/api/budgets/{id}/workbook/previews',
  summary: 'Read an edited template into a preview (lines added, removed, changed; the findings after import); nothing changes until it is confirmed; a bad cell is named by sheet.row.field with a reason in Chinese',
  tags: ['budgets'],
  access: EDITORS,
  params: ZIdParams,
  body: ZWorkbook,
  bodyContentType: XLSX_MEDIA_TYPE,
  response: { status: 201, schema: ZPreview },
  problems: [413, 415],
});
documentRoute({
  method: 'post',
  path: '/api/budgets/{id}/workbook/previews/{previewId}/confirm',
  summary: "Apply a preview of the caller's, as of the version it was read against (409 if the budget changed since); audited as budget.workbook.import",
  tags: ['budgets'],
  access: EDITORS,
  params: ZPreviewParams,
  response: { status: 200 },
  problems: [409],
});

/** The import template over HTTP: the same document as GET/PUT document, in a spreadsheet. */
@Controller('api/budgets')
export class BudgetWorkbookController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly exports: DocumentExportService,
    private readonly imports: WorkbookImportService,
  ) {}

  @Get(':id/workbook')
  @Roles(...ALL_ROLES)
  async exportWorkbook(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Res() res: Response): Promise<void> {
    holdConnectionWhileMaking(res);
    const { version, document, bytes } = await this.exports.workbook(caller, id);
    res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', attachmentDisposition(`budget-${document.department.code}-${document.fiscalYear}.xlsx`));
    res.setHeader('ETag', etagOf(version));
    await this.exports.sendLarge(res, bytes);
  }

  @Put(':id/workbook')
  @Roles(...EDITORS)
  async importWorkbook(
    @Caller() caller: TCaller,
    @Param('id', new IdPipe('Budget')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ id: string; version: number }> {
    const version = versionSeen(undefined, ifMatch);
    const bytes = await readWorkbookBody(req, res);
    const { document } = await this.imports.read(caller, id, bytes);
    const result = await this.budgets.importDocument(caller, id, document, version);
    res.setHeader('ETag', etagOf(result.version));
    return result;
  }

  @Post(':id/workbook/previews')
  @Roles(...EDITORS)
  async previewWorkbook(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TWorkbookPreview> {
    return this.imports.preview(caller, id, await readWorkbookBody(req, res));
  }

  @Post(':id/workbook/previews/:previewId/confirm')
  @HttpCode(200)
  @Roles(...EDITORS)
  async confirmWorkbook(
    @Caller() caller: TCaller,
    @Param('id', new IdPipe('Budget')) id: string,
    @Param('previewId', new IdPipe('Workbook preview')) previewId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ id: string; version: number }> {
    const result = await this.imports.confirm(caller, id, previewId);
    res.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
