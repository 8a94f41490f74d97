import { formatYuan, type CeilingExcess, type DomainError, type DomainErrorCode } from '@budgetflow/domain';
import { AppError, notFound } from '../../common/errors/app-error';

/**
 * The domain's refusals as HTTP problems. The domain code leads the detail so that a client can
 * tell "has errors" from "wrong state" within one status.
 */
export function toAppError(error: DomainError): AppError {
  const detail = `${error.code}: ${error.message}`;
  const code: DomainErrorCode = error.code;
  switch (code) {
    case 'ROLE_NOT_ALLOWED':
    case 'APPROVER_IS_SUBMITTER':
    case 'APPROVER_EDITED_REVISION':
      return new AppError('FORBIDDEN', detail);
    // Someone else's department answers like a missing budget.
    case 'OUT_OF_SCOPE':
      return notFound('Budget');
    case 'INVALID_TRANSITION':
    case 'SUBMISSION_HAS_ERRORS':
      return new AppError('CONFLICT', detail);
    case 'OVER_CEILING':
      return new AppError('OVER_CEILING', detail, undefined, undefined, { exceeded: wireExcesses(error.details?.['exceeded']) });
    case 'RETURN_REASON_REQUIRED':
      return new AppError('VALIDATION_FAILED', detail, [{ path: 'reason', message: 'a reason is required to return a budget' }]);
    case 'NOT_YOUR_STAGE':
      return new AppError('NOT_YOUR_STAGE', detail);
    case 'OPINION_REQUIRED':
      return new AppError('OPINION_REQUIRED', detail, [{ path: 'opinion', message: "the stage's opinion is required" }]);
    case 'SIGN_OFF_REQUIRED':
    case 'CEILINGS_NOT_SET':
    case 'ALREADY_SIGNED_OFF':
    case 'PUBLISHER_IS_SIGNER':
      return new AppError(code, detail);
    case 'UNITS_NOT_APPROVED':
      return new AppError('UNITS_NOT_APPROVED', detail, undefined, undefined, { pending: error.details?.['pending'] ?? [] });
    case 'DEPARTMENT_BUDGET_LOCKED':
      return new AppError('DEPARTMENT_BUDGET_LOCKED', detail, undefined, undefined, { departmentBudgetState: error.details?.['departmentBudgetState'] ?? null });
    case 'NO_UNIT_SCOPE':
      return new AppError('NO_UNIT_SCOPE', detail, [{ path: 'template', message: "the template in force has no 单位 scope: a unit's budget is disclosed within its department's 部门预算" }]);
    case 'DEPARTMENT_NOT_REPLIED':
      return new AppError('DEPARTMENT_NOT_REPLIED', detail, [{ path: 'departmentBudget', message: "the department's budget has no 批复 yet" }]);
    case 'UNIT_PART_CHANGED':
      return new AppError('UNIT_PART_CHANGED', detail, [{ path: 'expenditureLines', message: "a unit's correction keeps its figures as consolidated into the department's approved budget" }]);
    case 'REPLY_REQUIRED':
      return new AppError('REPLY_REQUIRED', detail, [{ path: 'documentNo', message: 'the 批复 needs its document number (documentNo) and date (YYYY-MM-DD)' }]);
    case 'REVISE_REASON_REQUIRED':
      return new AppError('REVISE_REASON_REQUIRED', detail, [{ path: 'reason', message: 'a reason is required to correct a published budget' }]);
    case 'ADJUSTMENT_REASON_REQUIRED':
      return new AppError('ADJUSTMENT_REASON_REQUIRED', detail, [{ path: 'reason', message: 'an adjustment needs its kind (transfer, increase, decrease) and a reason' }]);
    case 'CATALOGUE_INVALID':
    case 'CATALOGUE_YEAR_UNKNOWN':
      return new AppError('VALIDATION_FAILED', detail, [{ path: 'fiscalYear', message: error.message }]);
    case 'TEMPLATE_UNKNOWN':
      return new AppError('VALIDATION_FAILED', detail, [{ path: 'template', message: error.message }]);
  }
}

/** Each exceeded ceiling with its amounts in 分 as digits, and in 元 for display. */
function wireExcesses(exceeded: unknown): Record<string, string>[] {
  return ((exceeded ?? []) as CeilingExcess[]).map((e) => ({
    ceiling: e.ceiling,
    name: e.name,
    ceilingFen: String(e.ceilingFen),
    amountFen: String(e.amountFen),
    excessFen: String(e.excessFen),
    excessYuan: formatYuan(e.excessFen),
  }));
}
