import { HttpException, Logger } from '@nestjs/common';
import { AppError } from './app-error';
import { TErrorCode, titleForStatus } from './error-codes';
import { TProblem } from './problem.schema';

const logger = new Logger('Errors');

/** For Nest's own HttpExceptions (unknown route, a built-in pipe): the code of our table with that status. */
const CODE_FOR_STATUS: Readonly<Record<number, TErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Maps anything thrown to the problem the client sees; unknown errors are logged and answered as a bare 500. */
export function toProblem(error: unknown): { problem: TProblem; headers: Readonly<Record<string, string>> } {
  if (error instanceof AppError) {
    return { problem: { ...error.extensions, ...problem(error.status, error.code, error.detail, error.errors) }, headers: error.headers ?? {} };
  }
  if (error instanceof HttpException) {
    // Nest's own (unknown route → 404, wrong method …): keep the status, never echo internals.
    const status = error.getStatus();
    const code = status >= 500 ? 'INTERNAL' : (CODE_FOR_STATUS[status] ?? `HTTP_${status}`);
    const detail = status === 404 ? 'No such resource' : titleForStatus(status);
    if (status >= 500) logger.error(error);
    return { problem: problem(status, code, detail), headers: {} };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { problem: problem(500, 'INTERNAL', 'An unexpected error occurred; it has been logged.'), headers: {} };
}

export function problem(status: number, code: string, detail: string, errors?: readonly { path: string; message: string }[]): TProblem {
  return {
    type: `/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: titleForStatus(status),
    status,
    code,
    detail,
    ...(errors && errors.length > 0 ? { errors: errors.map((e) => ({ path: e.path, message: e.message })) } : {}),
  };
}
