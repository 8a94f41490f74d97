import { ERROR_STATUS, TErrorCode } from './error-codes';

/** One field at fault: `path` is dotted (`lines.3.amount`), as the client shows it. */
export interface TFieldError {
  path: string;
  message: string;
}

/**
 * The error every service throws. The problem+json filter turns it into the response;
 * its status comes from the code (error-codes.ts), never from the thrower.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: TErrorCode,
    readonly detail: string,
    readonly errors?: readonly TFieldError[],
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Readonly<Record<string, string>>,
    /** Members the problem carries beside the standard ones: what a client needs to show the refusal. */
    readonly extensions?: Readonly<Record<string, unknown>>,
  ) {
    super(`${code}: ${detail}`);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * What a foreign department's object and a missing one both answer, so that nobody can probe
 * which ids exist elsewhere. Use it for both cases.
 */
export function notFound(entity: string): AppError {
  return new AppError('NOT_FOUND', `${entity} not found`);
}
