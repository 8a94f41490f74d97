/**
 * Why the domain refused something: stable codes that the API maps to HTTP status and
 * problem+json, and that the client maps to messages. Switches over them are exhaustive.
 */
export type DomainErrorCode =
  // workflow
  | 'INVALID_TRANSITION'
  | 'ROLE_NOT_ALLOWED'
  | 'OUT_OF_SCOPE'
  | 'SUBMISSION_HAS_ERRORS'
  | 'RETURN_REASON_REQUIRED'
  | 'APPROVER_IS_SUBMITTER'
  | 'APPROVER_EDITED_REVISION'
  | 'OVER_CEILING'
  | 'NOT_YOUR_STAGE'
  | 'OPINION_REQUIRED'
  | 'REPLY_REQUIRED'
  | 'REVISE_REASON_REQUIRED'
  | 'ADJUSTMENT_REASON_REQUIRED'
  | 'SIGN_OFF_REQUIRED'
  | 'ALREADY_SIGNED_OFF'
  | 'PUBLISHER_IS_SIGNER'
  | 'UNITS_NOT_APPROVED'
  | 'CEILINGS_NOT_SET'
  | 'DEPARTMENT_BUDGET_LOCKED'
  | 'NO_UNIT_SCOPE'
  | 'DEPARTMENT_NOT_REPLIED'
  | 'UNIT_PART_CHANGED'
  // catalogue
  | 'CATALOGUE_INVALID'
  | 'CATALOGUE_YEAR_UNKNOWN'
  // templates
  | 'TEMPLATE_UNKNOWN';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
