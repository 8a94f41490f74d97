import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { DepartmentsService, TDepartmentView } from './departments.service';
import {
  TCreateBudgetUnit,
  TCreateDepartment,
  TPutFiscalYear,
  TRenameDepartment,
  ZBudgetUnit,
  ZCreateBudgetUnit,
  ZCreateDepartment,
  ZDepartment,
  ZFiscalYear,
  ZIdParams,
  ZPutFiscalYear,
  ZRenameDepartment,
  ZYearParams,
} from './dto/departments.schema';

const tags = ['departments'];
documentRoute({ method: 'get', path: '/api/departments', summary: 'Departments the caller may see', tags, access: ALL_ROLES, response: { status: 200, schema: z.array(ZDepartment) } });
documentRoute({ method: 'post', path: '/api/departments', summary: 'Create a department', tags, access: ['admin'], body: ZCreateDepartment, response: { status: 201, schema: ZDepartment }, problems: [409] });
documentRoute({ method: 'patch', path: '/api/departments/{id}', summary: 'Rename a department', tags, access: ['admin'], params: ZIdParams, body: ZRenameDepartment, response: { status: 200, schema: ZDepartment } });
documentRoute({ method: 'get', path: '/api/departments/{id}/units', summary: "A department's budget units (预算单位)", tags, access: ALL_ROLES, params: ZIdParams, response: { status: 200, schema: z.array(ZBudgetUnit) } });
documentRoute({ method: 'post', path: '/api/departments/{id}/units', summary: 'Add a budget unit', tags, access: ['admin'], params: ZIdParams, body: ZCreateBudgetUnit, response: { status: 201, schema: ZBudgetUnit }, problems: [409] });
documentRoute({ method: 'get', path: '/api/fiscal-years', summary: 'Fiscal years and whether they are open', tags, access: ALL_ROLES, response: { status: 200, schema: z.array(ZFiscalYear) } });
documentRoute({ method: 'put', path: '/api/fiscal-years/{year}', summary: 'Open or close a fiscal year', tags, access: ['admin'], params: ZYearParams, body: ZPutFiscalYear, response: { status: 200, schema: ZFiscalYear } });

@Controller('api')
export class DepartmentsController {
  constructor(private readonly service: DepartmentsService) {}

  @Get('departments')
  @Roles(...ALL_ROLES)
  list(@Caller() caller: TCaller): Promise<TDepartmentView[]> {
    return this.service.list(caller);
  }

  @Post('departments')
  @Roles('admin')
  create(@Caller() caller: TCaller, @Body(new ZodPipe(ZCreateDepartment)) body: TCreateDepartment): Promise<TDepartmentView> {
    return this.service.create(caller, body);
  }

  @Patch('departments/:id')
  @Roles('admin')
  rename(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }, @Body(new ZodPipe(ZRenameDepartment)) body: TRenameDepartment): Promise<TDepartmentView> {
    return this.service.rename(caller, params.id, body.name);
  }

  @Get('departments/:id/units')
  @Roles(...ALL_ROLES)
  units(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }) {
    return this.service.listUnits(caller, params.id);
  }

  @Post('departments/:id/units')
  @Roles('admin')
  createUnit(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }, @Body(new ZodPipe(ZCreateBudgetUnit)) body: TCreateBudgetUnit) {
    return this.service.createUnit(caller, params.id, body);
  }

  @Get('fiscal-years')
  @Roles(...ALL_ROLES)
  fiscalYears() {
    return this.service.listFiscalYears();
  }

  @Put('fiscal-years/:year')
  @Roles('admin')
  putFiscalYear(@Caller() caller: TCaller, @Param(new ZodPipe(ZYearParams)) params: { year: number }, @Body(new ZodPipe(ZPutFiscalYear)) body: TPutFiscalYear) {
    return this.service.putFiscalYear(caller, params.year, body);
  }
}
