import { ZFiscalYear, ZPublication, ZPublicationSummary, ZUnitCode, type TPublication, type TPublicationSummary } from '@budgetflow/domain';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { PublicReads } from '../../database/replica/public-reads';
import { z } from 'zod';
import { Public } from '../../common/auth/roles.decorator';
import { notFound } from '../../common/errors/app-error';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { PublicationFilesService } from '../publications/publication-files.service';
import { PublicationsRepository } from './publications.repository';

const ZDisclosuresQuery = z.strictObject({
  year: z.coerce.number().pipe(ZFiscalYear).optional(),
  department: ZUnitCode.optional().describe('department code, e.g. 019001'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
type TDisclosuresQuery = z.output<typeof ZDisclosuresQuery>;
const ZDisclosuresPage = z.object({ items: z.array(ZPublicationSummary), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

documentRoute({ method: 'get', path: '/api/public/disclosures', summary: 'Published budgets (every version), newest year first', tags: ['public'], access: 'public', query: ZDisclosuresQuery, response: { status: 200, schema: ZDisclosuresPage } });
documentRoute({ method: 'get', path: '/api/public/disclosures/{id}', summary: 'One published version: its disclosure model and files', tags: ['public'], access: 'public', params: z.object({ id: z.uuid() }), response: { status: 200, schema: ZPublication }, problems: [404] });

/** What anyone may read without signing in: published versions only, never a working copy. */
@Controller('api/public/disclosures')
export class PublicController {
  constructor(
    @Inject(PublicReads) private readonly reads: PublicReads,
    private readonly publications: PublicationsRepository,
    private readonly files: PublicationFilesService,
  ) {}

  @Get()
  @Public()
  async list(@Query(new ZodPipe(ZDisclosuresQuery)) query: TDisclosuresQuery): Promise<{ items: TPublicationSummary[]; page: number; pageSize: number; total: number }> {
    const { items, total } = await this.reads.read((m) => this.publications.list(m, { year: query.year, departmentCode: query.department, page: query.page, pageSize: query.pageSize }));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':id')
  @Public()
  async get(@Param('id', new IdPipe('Disclosure')) id: string): Promise<TPublication> {
    const publication = await this.reads.one((m) => this.publications.findWithDisclosure(m, id));
    if (publication === undefined) throw notFound('Disclosure');
    // The files (PDF, XLSX, CSV, JSON) are rendered by a job after publication: empty until then.
    return { ...publication, files: await this.files.listPublished(id) };
  }
}
