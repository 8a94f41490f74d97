import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { parseOrThrow, ZodPipe } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { readWorkbookBody, XLSX_MEDIA_TYPE } from '../budgets/workbook-body';
import { firstSheetCsv } from '../catalogue/catalogue-workbook';
import { CeilingsService } from './ceilings.service';
import {
  ZCeilingsAnswer,
  ZCeilingsUploadBody,
  ZCeilingsUploadParams,
  ZCeilingsUploadPreview,
  ZCeilingsYearParams,
  ZPutCeilingsRequest,
  ZRoundsAnswer,
  type TCeilingsAnswer,
  type TCeilingsUploadParams,
  type TCeilingsUploadPreview,
  type TPutCeilingsRequest,
  type TRoundsAnswer,
} from './dto/ceilings.schema';

const tags = ['ceilings'];
/** The 预算科's reviewers issue ceilings, within the departments of their scope. */
const ISSUERS = ['reviewer'] as const;
const ZIdParams = z.object({ id: z.uuid() });
documentRoute({ method: 'get', path: '/api/budgets/{id}/ceilings', summary: "The ceilings (控制数) of the budget's department and year, each beside the budget's figure and the room left", tags, access: ALL_ROLES, params: ZIdParams, response: { status: 200, schema: ZCeilingsAnswer } });
documentRoute({ method: 'get', path: '/api/budgets/{id}/rounds', summary: 'The budget in each round side by side: 一上 vs 控制数 vs 二上 vs 批复, item by item, in whole 分', tags, access: ALL_ROLES, params: ZIdParams, response: { status: 200, schema: ZRoundsAnswer } });
documentRoute({ method: 'put', path: '/api/budgets/{id}/ceilings', summary: 'Issue or edit the ceilings (amounts in whole 分 as digits); audited', tags, access: ISSUERS, params: ZIdParams, body: ZPutCeilingsRequest, response: { status: 200, schema: ZCeilingsAnswer }, problems: [409] });
documentRoute({ method: 'post', path: '/api/bureau/ceilings/{year}/uploads', summary: "Many departments' ceilings from a sheet (JSON {csv} or an .xlsx, amounts in 元): stored for a preview, nothing issued", tags, access: ISSUERS, params: ZCeilingsYearParams, body: ZCeilingsUploadBody, response: { status: 201, schema: ZCeilingsUploadPreview }, problems: [413, 415] });
documentRoute({ method: 'get', path: '/api/bureau/ceilings/{year}/uploads/{uploadId}', summary: 'The preview of a ceilings upload: each row beside the ceilings in force, and its problems', tags, access: ISSUERS, params: ZCeilingsUploadParams, response: { status: 200, schema: ZCeilingsUploadPreview } });
documentRoute({ method: 'post', path: '/api/bureau/ceilings/{year}/uploads/{uploadId}/confirm', summary: 'Issue every row of a ceilings upload without problems, each audited', tags, access: ISSUERS, params: ZCeilingsUploadParams, response: { status: 200, schema: ZCeilingsUploadPreview }, problems: [409] });

@Controller()
export class CeilingsController {
  constructor(private readonly ceilings: CeilingsService) {}

  @Get('api/budgets/:id/ceilings')
  @Roles(...ALL_ROLES)
  read(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string): Promise<TCeilingsAnswer> {
    return this.ceilings.read(caller, id);
  }

  @Get('api/budgets/:id/rounds')
  @Roles(...ALL_ROLES)
  rounds(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string): Promise<TRoundsAnswer> {
    return this.ceilings.rounds(caller, id);
  }

  @Put('api/budgets/:id/ceilings')
  @Roles(...ISSUERS)
  put(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Body(new ZodPipe(ZPutCeilingsRequest)) body: TPutCeilingsRequest): Promise<TCeilingsAnswer> {
    return this.ceilings.put(caller, id, body);
  }

  @Post('api/bureau/ceilings/:year/uploads')
  @Roles(...ISSUERS)
  @HttpCode(201)
  async upload(@Caller() caller: TCaller, @Param(new ZodPipe(ZCeilingsYearParams)) params: { year: number }, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TCeilingsUploadPreview> {
    const isWorkbook = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === XLSX_MEDIA_TYPE;
    const csv = isWorkbook ? await firstSheetCsv(await readWorkbookBody(req, res)) : parseOrThrow(ZCeilingsUploadBody, req.body).csv;
    return this.ceilings.upload(caller, params.year, csv);
  }

  @Get('api/bureau/ceilings/:year/uploads/:uploadId')
  @Roles(...ISSUERS)
  preview(@Param(new ZodPipe(ZCeilingsUploadParams)) params: TCeilingsUploadParams): Promise<TCeilingsUploadPreview> {
    return this.ceilings.preview(params.year, params.uploadId);
  }

  @Post('api/bureau/ceilings/:year/uploads/:uploadId/confirm')
  @Roles(...ISSUERS)
  @HttpCode(200)
  confirm(@Caller() caller: TCaller, @Param(new ZodPipe(ZCeilingsUploadParams)) params: TCeilingsUploadParams): Promise<TCeilingsUploadPreview> {
    return this.ceilings.confirm(caller, params.year, params.uploadId);
  }
}
