import { Controller, HttpCode, Post } from '@nestjs/common';
import type { WorkflowAction } from '@budgetflow/domain';
import { z } from 'zod';
import type { TCaller } from '../../common/auth/caller';
import { Caller } from '../../common/auth/caller.decorator';
import type { TRole } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { ACTION_BODIES, ActionRequest, type TActionRequestParts } from './action-request.decorator';
import { ZIdempotencyKey } from './dto/workflow-requests.schema';
import { WorkflowService, type TActionResult } from './workflow.service';

/** Who may ask for each action; the domain's guards then decide on the budget itself. */
const ACTION_ROLES: Record<WorkflowAction, TRole[]> = {
  submit: ['preparer'],
  withdraw: ['preparer'],
  return: ['reviewer', 'department_reviewer'],
  approve: ['reviewer', 'department_reviewer'],
  publish: ['publisher'],
  revise: ['preparer', 'publisher'],
  'issue-ceilings': ['reviewer'],
  adjust: ['preparer'],
  'sign-off': ['signer'],
};

/** The body each action's route reads (ACTION_BODIES of the decorator). */
const BODY_OF: Record<WorkflowAction, keyof typeof ACTION_BODIES> = {
  submit: 'action',
  withdraw: 'action',
  return: 'return',
  approve: 'approve',
  publish: 'action',
  revise: 'revise',
  'issue-ceilings': 'issue-ceilings',
  adjust: 'adjust',
  'sign-off': 'sign-off',
};

for (const action of Object.keys(ACTION_ROLES) as WorkflowAction[]) {
  documentRoute({
    method: 'post',
    path: `/api/budgets/{id}/${action}`,
    summary: `Workflow: ${action}. A retry with the same Idempotency-Key acts once and answers the same.`,
    tags: ['workflow'],
    access: ACTION_ROLES[action],
    params: z.object({ id: z.uuid() }),
    headers: z.object({ 'idempotency-key': ZIdempotencyKey.optional() }),
    body: ACTION_BODIES[BODY_OF[action]],
    response: { status: 200 },
    problems: [409],
  });
}

/** One route per action, so that each carries its own roles; all go through WorkflowService.act. */
@Controller('api/budgets/:id')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Post('submit')
  @Roles(...ACTION_ROLES.submit)
  @HttpCode(200)
  submit(@Caller() caller: TCaller, @ActionRequest('action') request: TActionRequestParts): Promise<TActionResult> {
    return this.workflow.act(caller, 'submit', request);
  }

  @Post('withdraw')
  @Roles(...ACTION_ROLES.withdraw)
  @HttpCode(200)
  withdraw(@Caller() caller: TCaller, @ActionRequest('action') request: TActionRequestParts): Promise<TActionResult> {
    return this.workflow.act(caller, 'withdraw', request);
  }

  @Post('return')
  @Roles(...ACTION_ROLES.return)
  @HttpCode(200)
  return(@Caller() caller: TCaller, @ActionRequest('return') request: TActionRequestParts): Promise<TActionResult> {
    return this.workflow.act(caller, 'return', request);
  }

  @Post('approve')
  @Roles(...ACTION_ROLES.approve)
  @HttpCode(200)
  approve(@Caller() caller: TCaller, @ActionRequest('approve') request: TActionRequestParts): Promise<TActionResult> {
    return this.workflow.act(caller, 'approve', request);
  }

  @Post('publish')
  @Roles(...ACTION_ROLES.publish)
  @HttpCode(200)
  publish(@Caller() caller: TCaller, @ActionRequest('action') request: TActionRequestParts): Promise<TActionResult> {
    return this.workflow.act(caller, 'publish', request);
  }

  @Post('revise')
  @Roles(...ACTION_ROLES.revise)
  @HttpCode(200)
  revise(@Caller() caller: TCaller, @ActionRequest('revise') request: TActionRequestParts): Promise<TActionResult> {
    return this.workflow.act(caller, 'revise', request);
  }

  /** 下达控制数 (一下); the ceilings themselves are stored by PUT /api/budgets/:id/ceilings. */
  @Post('issue-ceilings')
  @Roles(...ACTION_ROLES['issue-ceilings'])
  @HttpCode(200)
  issueCeilings(@Caller() caller: TCaller, @ActionRequest('issue-ceilings') request: TActionRequestParts): Promise<TActionResult> {
    return this.workflow.act(caller, 'issue-ceilings', request);
  }

  /** 预算调整 after 批复; GET /api/budgets/:id/adjustments shows 年初预算 / 调整数 / 调整后预算. */
  @Post('adjust')
  @Roles(...ACTION_ROLES.adjust)
  @HttpCode(200)
  adjust(@Caller() caller: TCaller, @ActionRequest('adjust') request: TActionRequestParts): Promise<TActionResult> {
    return this.workflow.act(caller, 'adjust', request);
  }

  /** 审签 before publication; GET /api/budgets/:id/sign-off shows it and whether the policy requires it. */
  @Post('sign-off')
  @Roles(...ACTION_ROLES['sign-off'])
  @HttpCode(200)
  signOff(@Caller() caller: TCaller, @ActionRequest('sign-off') request: TActionRequestParts): Promise<TActionResult> {
    return this.workflow.act(caller, 'sign-off', request);
  }
}
