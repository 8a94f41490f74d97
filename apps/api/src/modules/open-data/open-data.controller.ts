import { lineCsvHeader, lineCsvRows, linesDataPackage } from '@budgetflow/domain';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { z } from 'zod';
import { Public } from '../../common/auth/roles.decorator';
import { attachmentDisposition } from '../../common/http/content-disposition';
import { sendRenderedFile } from '../../common/http/file-answer';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { renderedFile, type TRenderedFile } from '../reports/rendered-file';
import { XLSX_MEDIA_TYPE as XLSX_TYPE } from '../budgets/workbook-body';
import { lineFiles } from './line-files';
import { writeLinesWorkbook } from './lines-workbook';
import { OpenDataService, type TLinesPage } from './open-data.service';
import { ZLinesPage, ZLinesQuery, ZYearParams, type TLinesQuery } from './open-data.schema';

const CSV_TYPE = 'text/csv; charset=utf-8';
const PACKAGE_TYPE = 'application/json; charset=utf-8';
const ID = z.object({ id: z.uuid() });

documentRoute({ method: 'get', path: '/api/public/publications/{id}/lines.csv', summary: "A published version's budget lines: one row per line, Chinese headers, UTF-8 with BOM", tags: ['open-data'], access: 'public', params: ID, response: { status: 200, description: 'CSV (text/csv), first column 功能科目编码, amounts in 元' }, problems: [404] });
documentRoute({ method: 'get', path: '/api/public/publications/{id}/datapackage.json', summary: 'The Fiscal Data Package describing lines.csv beside it', tags: ['open-data'], access: 'public', params: ID, response: { status: 200, description: 'datapackage.json, profile fiscal-data-package' }, problems: [404] });
documentRoute({ method: 'get', path: '/api/public/open-data/{year}/lines', summary: "Every published disclosure's lines of the year (each budget's latest version), paged", tags: ['open-data'], access: 'public', params: ZYearParams, query: ZLinesQuery, response: { status: 200, schema: ZLinesPage } });
documentRoute({ method: 'get', path: '/api/public/open-data/{year}/lines.csv', summary: "The district's lines of the year in one CSV (streamed), as lines.csv of a publication with every department", tags: ['open-data'], access: 'public', params: ZYearParams, response: { status: 200, description: 'CSV (text/csv), UTF-8 with BOM' } });
documentRoute({ method: 'get', path: '/api/public/open-data/{year}/lines.xlsx', summary: "The district's lines of the year as an Excel workbook (streamed): the columns of lines.csv, codes as text, amounts as numbers in 元", tags: ['open-data'], access: 'public', params: ZYearParams, response: { status: 200, description: 'XLSX, one sheet 支出明细' } });
documentRoute({ method: 'get', path: '/api/public/open-data/{year}/datapackage.json', summary: "The Fiscal Data Package describing the district's lines.csv of the year", tags: ['open-data'], access: 'public', params: ZYearParams, response: { status: 200, description: 'datapackage.json, profile fiscal-data-package' } });

/** A rendered file as a download, under the published files' headers (file-answer.ts). */
function sendFile(res: Response, file: TRenderedFile, name = file.name): void {
  sendRenderedFile(res, { name, mediaType: file.mediaType, sha256: file.sha256, content: file.bytes });
}

/** Line-level open data for anyone: published versions only, never a draft. */
@Controller('api/public')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('publications/:id/lines.csv')
  @Public()
  async publicationCsv(@Param('id', new IdPipe('Disclosure')) id: string, @Res() res: Response): Promise<void> {
    sendFile(res, lineFiles(await this.openData.linesOf(id)).csv);
  }

  @Get('publications/:id/datapackage.json')
  @Public()
  async publicationPackage(@Param('id', new IdPipe('Disclosure')) id: string, @Res() res: Response): Promise<void> {
    sendFile(res, lineFiles(await this.openData.linesOf(id)).datapackage, 'datapackage.json');
  }

  @Get('open-data/:year/lines')
  @Public()
  yearLines(@Param(new ZodPipe(ZYearParams)) params: { year: number }, @Query(new ZodPipe(ZLinesQuery)) query: TLinesQuery): Promise<TLinesPage> {
    return this.openData.pageOfYear(params.year, query.page, query.pageSize);
  }

  @Get('open-data/:year/datapackage.json')
  @Public()
  yearPackage(@Param(new ZodPipe(ZYearParams)) params: { year: number }, @Res() res: Response): void {
    const descriptor = linesDataPackage({ name: `district-budget-lines-${params.year}`, title: `${params.year}年全区部门预算支出明细`, fiscalYear: params.year, resource: { path: 'lines.csv' } });
    sendFile(res, renderedFile('datapackage', 'datapackage.json', PACKAGE_TYPE, Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`, 'utf8')));
  }

  /** Streamed one publication at a time: the district's file never sits whole in memory. */
  @Get('open-data/:year/lines.csv')
  @Public()
  async yearCsv(@Param(new ZodPipe(ZYearParams)) params: { year: number }, @Res() res: Response): Promise<void> {
    const ids = await this.openData.publishedOfYear(params.year);
    res.setHeader('Content-Type', CSV_TYPE);
    res.setHeader('Content-Disposition', attachmentDisposition(`lines-${params.year}.csv`));
    const write = async (chunk: string): Promise<void> => {
      if (!res.write(chunk)) await once(res, 'drain');
    };
    try {
      await write(lineCsvHeader());
      for await (const lines of this.openData.linesOfEach(ids)) {
        if (res.destroyed) return;
        await write(lineCsvRows(lines));
      }
      res.end();
    } catch (error) {
      // Headers are gone: the only honest answer left is a cut connection, never a file that looks whole.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The same lines as lines.csv of the year, as a workbook whose codes stay text (Excel keeps 019001's zero). */
  @Get('open-data/:year/lines.xlsx')
  @Public()
  async yearWorkbook(@Param(new ZodPipe(ZYearParams)) params: { year: number }, @Res() res: Response): Promise<void> {
    const ids = await this.openData.publishedOfYear(params.year);
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', attachmentDisposition(`lines-${params.year}.xlsx`));
    // The writer ends the answer itself; a failure halfway cuts it, never a file that looks whole.
    await writeLinesWorkbook(res, this.openData.linesOfEach(ids)).catch((error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))));
  }
}
