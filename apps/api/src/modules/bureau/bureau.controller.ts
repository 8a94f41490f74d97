import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ZIdParams } from '../departments/dto/departments.schema';
import { BureauService } from './bureau.service';
import {
  ZBureauParams,
  ZChainParams,
  ZChainView,
  ZColleague,
  ZCreateDelegation,
  ZDelegation,
  ZOfficeParams,
  ZOrganisation,
  ZPutBureau,
  ZPutOffice,
  ZPutReviewChain,
  ZPutUnitLevel,
  ZUnitParams,
  type TCreateDelegation,
  type TPutBureau,
  type TPutOffice,
} from './dto/bureau.schema';

const tags = ['bureau'];
documentRoute({ method: 'get', path: '/api/admin/organisation', summary: 'The finance bureaus: their offices (with departments and reviewers) and departments (with budget units)', tags, access: ['admin', 'reviewer'], response: { status: 200, schema: ZOrganisation } });
documentRoute({ method: 'put', path: '/api/admin/bureaus/{code}', summary: 'Create or rename a finance bureau (财政局) and set the departments it reviews', tags, access: ['admin'], params: ZBureauParams, body: ZPutBureau, response: { status: 200, schema: ZOrganisation } });
documentRoute({ method: 'put', path: '/api/admin/offices/{code}', summary: "Create or change an office (预算科, 业务科室 …): its kind, departments and reviewers", tags, access: ['admin'], params: ZOfficeParams, body: ZPutOffice, response: { status: 200, schema: ZOrganisation } });
documentRoute({ method: 'put', path: '/api/admin/budget-units/{code}/level', summary: 'Mark a budget unit 本级 (self) or 二级单位 (subordinate)', tags, access: ['admin'], params: ZUnitParams, body: ZPutUnitLevel, response: { status: 200, schema: ZOrganisation } });
documentRoute({ method: 'get', path: '/api/admin/review-chains/{bureau}/{year}', summary: "A bureau's review chain of a year (the default one-stage chain when none is configured)", tags, access: ['admin', 'reviewer'], params: ZChainParams, response: { status: 200, schema: ZChainView } });
documentRoute({ method: 'put', path: '/api/admin/review-chains/{bureau}/{year}', summary: 'Set the review chain: ordered stages, each naming role and office. Budgets already in review keep their chain.', tags, access: ['admin'], params: ZChainParams, body: ZPutReviewChain, response: { status: 200, schema: ZChainView } });
documentRoute({ method: 'get', path: '/api/delegations', summary: 'Delegations the reviewer gave or received', tags, access: ['reviewer'], response: { status: 200, schema: z.object({ items: z.array(ZDelegation) }) } });
documentRoute({ method: 'get', path: '/api/delegations/colleagues', summary: 'The reviewers of the caller\'s finance bureau they may delegate to', tags, access: ['reviewer'], response: { status: 200, schema: z.object({ items: z.array(ZColleague) }) } });
documentRoute({ method: 'post', path: '/api/delegations', summary: "Delegate one's review stage to a colleague for a period; the audit records their acts as on behalf of the delegator", tags, access: ['reviewer'], body: ZCreateDelegation, response: { status: 201, schema: ZDelegation } });
documentRoute({ method: 'delete', path: '/api/delegations/{id}', summary: 'Revoke a delegation one gave', tags, access: ['reviewer'], params: ZIdParams, response: { status: 204 } });

@Controller('api')
export class BureauController {
  constructor(private readonly service: BureauService) {}

  @Get('admin/organisation')
  @Roles('admin', 'reviewer')
  organisation() {
    return this.service.read();
  }

  @Put('admin/bureaus/:code')
  @Roles('admin')
  putBureau(@Caller() caller: TCaller, @Param(new ZodPipe(ZBureauParams)) params: { code: string }, @Body(new ZodPipe(ZPutBureau)) body: TPutBureau) {
    return this.service.putBureau(caller, params.code, body);
  }

  @Put('admin/offices/:code')
  @Roles('admin')
  putOffice(@Caller() caller: TCaller, @Param(new ZodPipe(ZOfficeParams)) params: { code: string }, @Body(new ZodPipe(ZPutOffice)) body: TPutOffice) {
    return this.service.putOffice(caller, params.code, body);
  }

  @Put('admin/budget-units/:code/level')
  @Roles('admin')
  putUnitLevel(@Caller() caller: TCaller, @Param(new ZodPipe(ZUnitParams)) params: { code: string }, @Body(new ZodPipe(ZPutUnitLevel)) body: { level: 'self' | 'subordinate' }) {
    return this.service.putUnitLevel(caller, params.code, body.level);
  }

  @Get('admin/review-chains/:bureau/:year')
  @Roles('admin', 'reviewer')
  chain(@Param(new ZodPipe(ZChainParams)) params: { bureau: string; year: number }) {
    return this.service.chain(params.bureau, params.year);
  }

  @Put('admin/review-chains/:bureau/:year')
  @Roles('admin')
  putChain(@Caller() caller: TCaller, @Param(new ZodPipe(ZChainParams)) params: { bureau: string; year: number }, @Body(new ZodPipe(ZPutReviewChain)) body: z.output<typeof ZPutReviewChain>) {
    return this.service.putChain(caller, params.bureau, params.year, body);
  }

  @Get('delegations')
  @Roles('reviewer')
  delegations(@Caller() caller: TCaller) {
    return this.service.delegations(caller);
  }

  @Get('delegations/colleagues')
  @Roles('reviewer')
  colleagues(@Caller() caller: TCaller) {
    return this.service.colleagues(caller);
  }

  @Post('delegations')
  @Roles('reviewer')
  delegate(@Caller() caller: TCaller, @Body(new ZodPipe(ZCreateDelegation)) body: TCreateDelegation) {
    return this.service.delegate(caller, body);
  }

  @Delete('delegations/:id')
  @Roles('reviewer')
  @HttpCode(204)
  revoke(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }) {
    return this.service.revoke(caller, params.id);
  }
}
