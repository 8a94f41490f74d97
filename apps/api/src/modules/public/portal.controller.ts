import {
  ZDepartmentComparison,
  ZDepartmentYears,
  ZDisclosureBreakdown,
  ZDisclosureSearchPage,
  ZFiscalYear,
  ZLineText,
  ZUnitCode,
  type TDepartmentComparison,
  type TDepartmentYears,
  type TDisclosureBreakdown,
  type TDisclosureSearchPage,
} from '@budgetflow/domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import { Public } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { IdPipe } from '../budgets/request-parts';
import { PortalService } from './portal.service';

const ZSearchQuery = z.strictObject({
  q: ZLineText.max(100).optional().describe('a department name, or a 功能科目 name or code (类 3, 款 5, 项 7 digits), in part'),
  year: z.coerce.number().pipe(ZFiscalYear).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const ZCompareQuery = z.strictObject({
  year: z.coerce.number().pipe(ZFiscalYear),
  departments: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(ZUnitCode).min(1).max(8))
    .describe('department codes, comma-separated (at most 8), in the order to show them'),
});
const ZCodeParams = z.object({ code: ZUnitCode });

documentRoute({ method: 'get', path: '/api/public/search', summary: 'The district search: the newest version of every published disclosure, by department name, 功能科目 name or code, and year; paged, newest year first', tags: ['public'], access: 'public', query: ZSearchQuery, response: { status: 200, schema: ZDisclosureSearchPage } });
documentRoute({ method: 'get', path: '/api/public/disclosures/{id}/breakdown', summary: "A publication's expenditure summed for the drill-down (unit, 功能 项, 经济 款, kind, fund source, 元) with the names of its codes, and its digest", tags: ['public'], access: 'public', params: z.object({ id: z.uuid() }), response: { status: 200, schema: ZDisclosureBreakdown }, problems: [404] });
documentRoute({ method: 'get', path: '/api/public/departments/{code}/years', summary: "A department's published years, each with its change on the year before and the reason it gave", tags: ['public'], access: 'public', params: ZCodeParams, response: { status: 200, schema: ZDepartmentYears }, problems: [404] });
documentRoute({ method: 'get', path: '/api/public/compare', summary: 'Departments of a year side by side on their 功能 类', tags: ['public'], access: 'public', query: ZCompareQuery, response: { status: 200, schema: ZDepartmentComparison } });

/** The portal's reading beyond one disclosure: the drill-down data, the district search, the comparisons. */
@Controller('api/public')
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get('search')
  @Public()
  search(@Query(new ZodPipe(ZSearchQuery)) query: z.output<typeof ZSearchQuery>): Promise<TDisclosureSearchPage> {
    return this.portal.search(query);
  }

  @Get('disclosures/:id/breakdown')
  @Public()
  breakdown(@Param('id', new IdPipe('Disclosure')) id: string): Promise<TDisclosureBreakdown> {
    return this.portal.breakdown(id);
  }

  @Get('departments/:code/years')
  @Public()
  years(@Param(new ZodPipe(ZCodeParams)) params: z.output<typeof ZCodeParams>): Promise<TDepartmentYears> {
    return this.portal.years(params.code);
  }

  @Get('compare')
  @Public()
  compare(@Query(new ZodPipe(ZCompareQuery)) query: z.output<typeof ZCompareQuery>): Promise<TDepartmentComparison> {
    return this.portal.compare(query.year, query.departments);
  }
}
