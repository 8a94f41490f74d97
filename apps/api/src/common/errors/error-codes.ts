/**
 * Every error code the API answers with, and its HTTP status: the one place that maps codes to
 * statuses. Add a code here (and nowhere else) when a module needs a new one; the web client
 * reads the same codes.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  FORBIDDEN_JSON_KEY: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  /** The password was right; the account signs in with a TOTP code (or a recovery code) too. */
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  /** The stored TOTP secret does not open under this SESSION_SECRET (it changed): the security administrator must reset it. */
  TOTP_UNREADABLE: 401,
  /** Production: a reviewer, publisher or administrator must enrol two-factor sign-in before anything else. */
  TOTP_ENROLMENT_REQUIRED: 403,
  /** A new password the policy refuses: too short, common or breached, the username, or used recently. */
  PASSWORD_REJECTED: 400,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  /** A submission over an issued ceiling (控制数); the problem's `exceeded` lists each. */
  OVER_CEILING: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  /** An upload small enough to send that would inflate past its bound (a zip bomb). */
  ARCHIVE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** `publish` of a revision whose rendered files failed their check: the problems are in `errors`. */
  RENDER_CHECK_FAILED: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  /** approve without the stage's opinion (审核意见) */
  OPINION_REQUIRED: 400,
  /** the last stage's approval (批复) without its document number or date */
  REPLY_REQUIRED: 400,
  /** a correction (更正) without its reason */
  REVISE_REASON_REQUIRED: 400,
  /** a 预算调整 without its kind or reason */
  ADJUSTMENT_REASON_REQUIRED: 400,
  /** a reviewer acting on a budget that waits on another stage of its chain */
  NOT_YOUR_STAGE: 403,
  /** publish where the bureau's policy of the year requires a 审签 and the approved revision has none */
  SIGN_OFF_REQUIRED: 409,
  /** a second 审签 of the same approved revision */
  ALREADY_SIGNED_OFF: 409,
  /** publish by the one who signed the revision off (审签) */
  PUBLISHER_IS_SIGNER: 403,
  /** the 部门预算's submission while some of its units' budgets (单位预算) are not yet approved; `pending` lists them */
  UNITS_NOT_APPROVED: 409,
  CEILINGS_NOT_SET: 409,
  /** a unit budget's approval (or return) while the 部门预算 it is consolidated into is under review or approved */
  DEPARTMENT_BUDGET_LOCKED: 409,
  /** an edit of the 部门预算 that touches the lines of a unit with a budget of its own; `units`, `lineIds` */
  UNIT_LINES_CONSOLIDATED: 409,
  /** publish of a unit's budget (单位预算) where the disclosure template in force prints no 单位 scope */
  NO_UNIT_SCOPE: 409,
  /** publish of a unit's budget before its 部门预算 has its 批复 */
  DEPARTMENT_NOT_REPLIED: 409,
  /** a 更正 of a published 单位预算 submitted with lines, income or projects other than those consolidated into the 部门预算 */
  UNIT_PART_CHANGED: 409,
  /** a unit's preparer starts the unit's budget before the department started its own for the year */
  NO_DEPARTMENT_BUDGET: 409,
} as const satisfies Record<string, number>;

export type TErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleForStatus(status: number): string {
  return TITLES[status] ?? 'Error';
}
