import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendRenderedFile } from '../../common/http/file-answer';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { notFound } from '../../common/errors/app-error';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { IdPipe } from '../budgets/request-parts';
import { ZRevisionFiles } from './revision-files.schema';
import { RevisionFilesService } from './revision-files.service';
import { ZIdParams, ZRevisionNo } from './revisions.controller';

const ZRevisionParams = ZIdParams.extend({ no: ZRevisionNo });
/** Rendered files are named t1.csv, disclosure.pdf, datapackage.json …: any other name is no file of ours. */
const ZFileName = z.string().regex(/^[\w.-]{1,64}$/);

documentRoute({ method: 'get', path: '/api/budgets/{id}/revisions/{no}/files', summary: "A revision's rendered files (PDF, XLSX, HTML, JSON, CSV, datapackage.json); empty until rendered after approval", tags: ['revisions'], access: ALL_ROLES, params: ZRevisionParams, response: { status: 200, schema: ZRevisionFiles } });
documentRoute({ method: 'get', path: '/api/budgets/{id}/revisions/{no}/files/{name}', summary: "One of a revision's rendered files; its sha256 is in the ETag", tags: ['revisions'], access: ALL_ROLES, params: ZRevisionParams.extend({ name: ZFileName }), response: { status: 200, description: 'The file' } });

@Controller('api/budgets/:id/revisions/:no/files')
export class RevisionFilesController {
  constructor(private readonly files: RevisionFilesService) {}

  @Get()
  @Roles(...ALL_ROLES)
  list(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Param('no') no: string) {
    return this.files.list(caller, id, revisionNo(no));
  }

  @Get(':name')
  @Roles(...ALL_ROLES)
  async download(@Caller() caller: TCaller, @Param('id', new IdPipe('Budget')) id: string, @Param('no') no: string, @Param('name') name: string, @Res() res: Response): Promise<void> {
    if (!ZFileName.safeParse(name).success) throw notFound('File');
    sendRenderedFile(res, { ...(await this.files.content(caller, id, revisionNo(no), name)), name });
  }
}

function revisionNo(no: string): number {
  const parsed = ZRevisionNo.safeParse(no);
  if (!parsed.success) throw notFound('Revision');
  return parsed.data;
}
