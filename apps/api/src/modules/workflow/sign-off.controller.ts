import { Controller, Get, Inject, Param } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import { ALL_ROLES } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { PublicationPoliciesRepository } from '../bureau/publication-policies.repository';
import { BudgetsService } from '../budgets/budgets.service';
import { ZIdParams } from '../departments/dto/departments.schema';
import { ZSignOffView, type TSignOffView } from './dto/sign-off.schema';
import { SignOffsRepository } from './sign-offs.repository';

documentRoute({
  method: 'get',
  path: '/api/budgets/{id}/sign-off',
  summary: "The 审签 of the budget's current revision (who, when, opinion) or null, and whether the bureau's policy of the year requires one before publication",
  tags: ['workflow'],
  access: ALL_ROLES,
  params: ZIdParams,
  response: { status: 200, schema: ZSignOffView },
  problems: [404],
});

/** What the publish page shows beside the 公开 button: required or not, signed or not. */
@Controller('api/budgets/:id/sign-off')
export class SignOffController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
    private readonly signOffs: SignOffsRepository,
    private readonly policies: PublicationPoliciesRepository,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  async read(@Caller() caller: TCaller, @Param(new ZodPipe(ZIdParams)) params: { id: string }): Promise<TSignOffView> {
    const m = this.dataSource.manager;
    const budget = await this.budgets.mustFind(m, caller, params.id);
    return {
      required: await this.policies.signOffRequired(m, budget.department_id, budget.fiscal_year),
      signOff: budget.revision_no === 0 ? null : await this.signOffs.find(m, budget.id, budget.revision_no),
    };
  }
}
