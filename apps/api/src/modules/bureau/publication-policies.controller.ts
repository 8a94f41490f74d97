import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ZChainParams } from './dto/bureau.schema';
import { ZPolicyView, ZPutPublicationPolicy, type TPolicyView, type TPutPublicationPolicy } from './dto/publication-policy.schema';
import { PublicationPoliciesService } from './publication-policies.service';

const tags = ['bureau'];
documentRoute({ method: 'get', path: '/api/admin/publication-policies/{bureau}/{year}', summary: "A bureau's publication policy of a year: whether publication waits for a 审签 (not, when none is set)", tags, access: ['admin'], params: ZChainParams, response: { status: 200, schema: ZPolicyView } });
documentRoute({ method: 'put', path: '/api/admin/publication-policies/{bureau}/{year}', summary: 'Set whether publication waits for a 审签 (公开前须审签); audited', tags, access: ['admin'], params: ZChainParams, body: ZPutPublicationPolicy, response: { status: 200, schema: ZPolicyView } });

/** 公开前须审签, per bureau and year: the 系统管理员's configuration, beside the review chains. */
@Controller('api/admin/publication-policies')
export class PublicationPoliciesController {
  constructor(private readonly service: PublicationPoliciesService) {}

  @Get(':bureau/:year')
  @Roles('admin')
  read(@Param(new ZodPipe(ZChainParams)) params: { bureau: string; year: number }): Promise<TPolicyView> {
    return this.service.read(params.bureau, params.year);
  }

  @Put(':bureau/:year')
  @Roles('admin')
  put(@Caller() caller: TCaller, @Param(new ZodPipe(ZChainParams)) params: { bureau: string; year: number }, @Body(new ZodPipe(ZPutPublicationPolicy)) body: TPutPublicationPolicy): Promise<TPolicyView> {
    return this.service.put(caller, params.bureau, params.year, body.signOffRequired);
  }
}
