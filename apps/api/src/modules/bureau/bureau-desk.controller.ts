import { Controller, Get, Query } from '@nestjs/common';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { Public, Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { BureauDeskService } from './bureau-desk.service';
import { ZBureauYears, ZComplianceQuery, ZOverview, ZOverviewQuery, ZPublicCompliance, type TBureauYears, type TOverview, type TOverviewQuery, type TPublicCompliance } from './dto/bureau-desk.schema';

const REVIEWERS = ['reviewer'] as const;
/** Which years have budgets tells no budget's figures: the 系统管理员 (who opens the fiscal years, scope all) may ask too. */
const BUREAU_STAFF = ['reviewer', 'admin'] as const;
documentRoute({ method: 'get', path: '/api/bureau/overview', summary: "The bureau's desk: every department of the year in the reviewer's scope with its state, days waiting, figures against ceilings and findings; the district's totals by 功能 类 and by department; the publication compliance list", tags: ['bureau'], access: REVIEWERS, query: ZOverviewQuery, response: { status: 200, schema: ZOverview } });
documentRoute({ method: 'get', path: '/api/bureau/years', summary: 'The fiscal years with budgets in the caller’s scope, newest first, and the one the desk opens on (the newest)', tags: ['bureau'], access: BUREAU_STAFF, response: { status: 200, schema: ZBureauYears } });
documentRoute({ method: 'get', path: '/api/public/compliance', summary: 'Which departments published their budget within 20 days of its 批复, late, or not yet; where the template prints a 单位 scope, each 二级单位 its 单位预算 within the same 20 days', tags: ['public'], access: 'public', query: ZComplianceQuery, response: { status: 200, schema: ZPublicCompliance } });

@Controller()
export class BureauDeskController {
  constructor(private readonly desk: BureauDeskService) {}

  @Get('api/bureau/overview')
  @Roles(...REVIEWERS)
  overview(@Caller() caller: TCaller, @Query(new ZodPipe(ZOverviewQuery)) query: TOverviewQuery): Promise<TOverview> {
    return this.desk.overview(caller, query);
  }

  @Get('api/bureau/years')
  @Roles(...BUREAU_STAFF)
  years(@Caller() caller: TCaller): Promise<TBureauYears> {
    return this.desk.years(caller);
  }

  @Get('api/public/compliance')
  @Public()
  compliance(@Query(new ZodPipe(ZComplianceQuery)) query: { year: number }): Promise<TPublicCompliance> {
    return this.desk.publicCompliance(query.year);
  }
}
