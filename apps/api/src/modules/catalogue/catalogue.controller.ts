import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { CatalogueService } from './catalogue.service';
import { TCatalogueList, TCatalogueParams, TCatalogueUploadResult, ZCatalogueCsv, ZCatalogueList, ZCatalogueParams, ZCatalogueUploadResult } from './dto/catalogue.schema';

const tags = ['catalogue'];
documentRoute({ method: 'get', path: '/api/catalogue/{year}/{kind}', summary: 'The classification list in force for a fiscal year', tags, access: ALL_ROLES, params: ZCatalogueParams, response: { status: 200, schema: ZCatalogueList } });
documentRoute({
  method: 'put',
  path: '/api/catalogue/{year}/{kind}',
  summary: 'Import a classification list (CSV `code,name`) as the new edition for the year',
  tags,
  access: ['admin'],
  params: ZCatalogueParams,
  body: ZCatalogueCsv,
  bodyContentType: 'text/csv',
  response: { status: 201, schema: ZCatalogueUploadResult },
  problems: [413],
});

@Controller('api/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get(':year/:kind')
  @Roles(...ALL_ROLES)
  list(@Param(new ZodPipe(ZCatalogueParams)) params: TCatalogueParams): Promise<TCatalogueList> {
    return this.catalogue.list(params.year, params.kind);
  }

  @Put(':year/:kind')
  @Roles('admin')
  @HttpCode(201)
  import(@Caller() caller: TCaller, @Param(new ZodPipe(ZCatalogueParams)) params: TCatalogueParams, @Body(new ZodPipe(ZCatalogueCsv)) csv: string): Promise<TCatalogueUploadResult> {
    return this.catalogue.importCsv(caller, params.year, params.kind, csv);
  }
}
