import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { parseOrThrow, ZodPipe } from '../../common/validation/zod.pipe';
import { readWorkbookBody, XLSX_MEDIA_TYPE } from '../budgets/workbook-body';
import { listsFromWorkbook } from './catalogue-workbook';
import { CatalogueService } from './catalogue.service';
import {
  TCatalogueList,
  TCatalogueParams,
  TConfirmResult,
  TEditionInForce,
  TUploadParams,
  TUploadPreview,
  ZCatalogueList,
  ZCatalogueParams,
  ZCatalogueUploadBody,
  ZCatalogueYearParams,
  ZConfirmResult,
  ZEditionInForce,
  ZUploadParams,
  ZUploadPreview,
} from './dto/catalogue.schema';

const tags = ['catalogue'];
const ADMIN = ['admin'] as const;
documentRoute({ method: 'get', path: '/api/catalogue/{year}', summary: 'The edition in force for a fiscal year: every list and the 对照表, and whether it is partial (shipped) or complete (uploaded)', tags, access: ALL_ROLES, params: ZCatalogueYearParams, response: { status: 200, schema: ZEditionInForce } });
documentRoute({ method: 'get', path: '/api/catalogue/{year}/{kind}', summary: 'One classification list of the edition in force for a fiscal year', tags, access: ALL_ROLES, params: ZCatalogueParams, response: { status: 200, schema: ZCatalogueList } });
documentRoute({
  method: 'post',
  path: '/api/catalogue/{year}/uploads',
  summary: 'Upload the official 《政府收支分类科目》 of a year (JSON of CSV texts, or an .xlsx with one sheet per list); stored, not yet in force; answers what it changes',
  tags,
  access: ADMIN,
  params: ZCatalogueYearParams,
  body: ZCatalogueUploadBody,
  response: { status: 201, schema: ZUploadPreview },
  problems: [413, 415],
});
documentRoute({ method: 'get', path: '/api/catalogue/{year}/uploads/{uploadId}', summary: 'What an upload changes against the edition in force now', tags, access: ADMIN, params: ZUploadParams, response: { status: 200, schema: ZUploadPreview } });
documentRoute({ method: 'post', path: '/api/catalogue/{year}/uploads/{uploadId}/confirm', summary: 'Put an upload in force for its year: from now on validation, derivation and the code picker read it', tags, access: ADMIN, params: ZUploadParams, response: { status: 200, schema: ZConfirmResult }, problems: [409] });

@Controller('api/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get(':year')
  @Roles(...ALL_ROLES)
  edition(@Param(new ZodPipe(ZCatalogueYearParams)) params: { year: number }): Promise<TEditionInForce> {
    return this.catalogue.edition(params.year);
  }

  @Get(':year/:kind')
  @Roles(...ALL_ROLES)
  list(@Param(new ZodPipe(ZCatalogueParams)) params: TCatalogueParams): Promise<TCatalogueList> {
    return this.catalogue.list(params.year, params.kind);
  }

  @Post(':year/uploads')
  @Roles(...ADMIN)
  @HttpCode(201)
  async upload(@Caller() caller: TCaller, @Param(new ZodPipe(ZCatalogueYearParams)) params: { year: number }, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TUploadPreview> {
    const isWorkbook = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === XLSX_MEDIA_TYPE;
    const body: unknown = isWorkbook ? await listsFromWorkbook(await readWorkbookBody(req, res)) : req.body;
    return this.catalogue.upload(caller, params.year, parseOrThrow(ZCatalogueUploadBody, body));
  }

  @Get(':year/uploads/:uploadId')
  @Roles(...ADMIN)
  preview(@Param(new ZodPipe(ZUploadParams)) params: TUploadParams): Promise<TUploadPreview> {
    return this.catalogue.preview(params.year, params.uploadId);
  }

  @Post(':year/uploads/:uploadId/confirm')
  @Roles(...ADMIN)
  @HttpCode(200)
  confirm(@Caller() caller: TCaller, @Param(new ZodPipe(ZUploadParams)) params: TUploadParams): Promise<TConfirmResult> {
    return this.catalogue.confirm(caller, params.year, params.uploadId);
  }
}
