import { Controller, Get, Query } from '@nestjs/common';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { Public, Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { BureauDeskService } from './bureau-desk.service';
import { ZComplianceQuery, ZOverview, ZOverviewQuery, ZPublicCompliance, type TOverview, type TOverviewQuery, type TPublicCompliance } from './dto/bureau-desk.schema';

const REVIEWERS = ['reviewer'] as const;
documentRoute({ method: 'get', path: '/api/bureau/overview', summary: "The bureau's desk: every department of the year in the reviewer's scope with its state, days waiting, figures against ceilings and findings; the district's totals by 功能 类 and by department; the publication compliance list", tags: ['bureau'], access: REVIEWERS, query: ZOverviewQuery, response: { status: 200, schema: ZOverview } });
documentRoute({ method: 'get', path: '/api/public/compliance', summary: 'Which departments published their budget within 20 days of its 批复, late, or not yet', tags: ['public'], access: 'public', query: ZComplianceQuery, response: { status: 200, schema: ZPublicCompliance } });

@Controller()
export class BureauDeskController {
  constructor(private readonly desk: BureauDeskService) {}

  @Get('api/bureau/overview')
  @Roles(...REVIEWERS)
  overview(@Caller() caller: TCaller, @Query(new ZodPipe(ZOverviewQuery)) query: TOverviewQuery): Promise<TOverview> {
    return this.desk.overview(caller, query);
  }

  @Get('api/public/compliance')
  @Public()
  compliance(@Query(new ZodPipe(ZComplianceQuery)) query: { year: number }): Promise<TPublicCompliance> {
    return this.desk.publicCompliance(query.year);
  }
}
