import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendRenderedFile } from '../../common/http/file-answer';
import { z } from 'zod';
import { Public } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { IdPipe } from '../budgets/request-parts';
import { PublicationFilesService } from './publication-files.service';

documentRoute({
  method: 'get',
  path: '/api/public/files/{id}',
  summary: 'A published file (PDF, XLSX, HTML, JSON, CSV, datapackage.json); its sha256 is in the ETag',
  tags: ['public'],
  access: 'public',
  params: z.object({ id: z.uuid() }),
  response: { status: 200, description: 'The file' },
  problems: [404],
});

/** Published files, for anyone: a file never changes after publication, so it may be cached for good. */
@Controller('api/public/files')
export class PublicationFilesController {
  constructor(private readonly files: PublicationFilesService) {}

  @Get(':id')
  @Public()
  async download(@Param('id', new IdPipe('File')) id: string, @Res() res: Response): Promise<void> {
    sendRenderedFile(res, await this.files.content(id), { 'Cache-Control': 'public, max-age=31536000, immutable' });
  }
}
