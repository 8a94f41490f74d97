import { Controller, Get, Headers, Param, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { AppError } from '../../common/errors/app-error';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { exportBudgetTemplate } from '../reports/xlsx/budget-template';
import { BudgetsService } from './budgets.service';
import { etagOf, IdPipe, versionSeen } from './request-parts';
import { readWorkbookBody, XLSX_MEDIA_TYPE } from './workbook-body';
import { cellError } from './workbook-cells';
import { placeErrorsInWorkbook, readWorkbook } from './workbook-reader';

const ZIdParams = z.object({ id: z.uuid() });
const ZIfMatch = z.object({ 'if-match': z.string().describe('The ETag of the version edited, e.g. "7"') });
const ZWorkbook = z.string().describe('The .xlsx bytes of a template exported by GET /api/budgets/{id}/workbook, edited');
const EDITORS = ['preparer'] as const;

documentRoute({
  method: 'get',
  path: '/api/budgets/{id}/workbook',
  summary: 'Export the working copy as the import template (.xlsx: sheets 收入 and 支出, one line per row); ETag is the version',
  tags: ['budgets'],
  access: ALL_ROLES,
  params: ZIdParams,
  response: { status: 200, description: 'The workbook', schema: ZWorkbook, contentType: XLSX_MEDIA_TYPE },
});
documentRoute({
  method: 'put',
  path: '/api/budgets/{id}/workbook',
  summary: "Replace the working copy's lines by those of an edited template; If-Match required; a bad cell is named by sheet.row.field and nothing changes",
  tags: ['budgets'],
  access: EDITORS,
  params: ZIdParams,
  headers: ZIfMatch,
  body: ZWorkbook,
  bodyContentType: XLSX_MEDIA_TYPE,
  response: { status: 200 },
  problems: [409, 413, 415],
});

/** The import template over HTTP: the same document as GET/PUT document, in a spreadsheet. */
@Controller('api/budgets')
export class BudgetWorkbookController {
  constructor(private readonly budgets: BudgetsService) {}

  @Get(':id/workbook')
  @Roles(...ALL_ROLES)
  async exportWorkbook(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Res() res: Response): Promise<void> {
    const { version, document } = await this.budgets.exportDocument(caller, id);
    const bytes = await exportBudgetTemplate(document);
    res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', `attachment; filename="budget-${document.department.code}-${document.fiscalYear}.xlsx"`);
    res.setHeader('ETag', etagOf(version));
    res.end(bytes);
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
    // The template carries the lines only: the rest of the document is the budget's own.
    const { document: base } = await this.budgets.exportDocument(caller, id);
    const read = await readWorkbook(base, bytes);
    if (!read.ok) throw new AppError('VALIDATION_FAILED', `The workbook has ${read.problems.length} problem(s); nothing was imported`, read.problems.map(cellError));
    const result = await this.budgets.importDocument(caller, id, read.document, version).catch(async (error: unknown) => {
      // A code the catalogue lacks, a unit of another department: named by the cell it is in.
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED' || error.errors === undefined) throw error;
      throw new AppError(error.code, error.detail, await placeErrorsInWorkbook(bytes, read.document, error.errors));
    });
    res.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
