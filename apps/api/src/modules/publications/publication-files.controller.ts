import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendRenderedFile } from '../../common/http/file-answer';
import { z } from 'zod';
import { Public } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { PublicationFilesService } from './publication-files.service';

const ZFileQuery = z.strictObject({
  view: z.literal('inline').optional().describe('inline: shown in the browser (the readable disclosure.html, the PDF) rather than saved'),
});

documentRoute({
  method: 'get',
  path: '/api/public/files/{id}',
  summary: 'A published file (PDF, XLSX, HTML, JSON, CSV, datapackage.json); its sha256 is in the ETag',
  tags: ['public'],
  access: 'public',
  params: z.object({ id: z.uuid() }),
  query: ZFileQuery,
  response: { status: 200, description: 'The file' },
  problems: [404],
});

/** Published files, for anyone: a file never changes after publication, so it may be cached for good. */
@Controller('api/public/files')
export class PublicationFilesController {
  constructor(private readonly files: PublicationFilesService) {}

  @Get(':id')
  @Public()
  async download(@Param('id', new IdPipe('File')) id: string, @Query(new ZodPipe(ZFileQuery)) query: z.output<typeof ZFileQuery>, @Res() res: Response): Promise<void> {
    const file = { ...(await this.files.content(id)), inline: query.view === 'inline' };
    sendRenderedFile(res, file, { 'Cache-Control': 'public, max-age=31536000, immutable' });
  }
}
