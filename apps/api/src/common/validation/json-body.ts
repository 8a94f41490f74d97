import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { AppError } from '../errors/app-error';
import { sendProblem } from '../errors/send-problem';
import { toProblem } from '../errors/to-problem';

/** Keys that could reach an object's prototype chain in careless code; refused outright. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const BODY_LIMIT = '5mb';

/**
 * JSON and text body parsing with our own limits and errors: a body over the limit is 413,
 * malformed JSON is 400, and a `__proto__`/`constructor`/`prototype` key anywhere is 400.
 * The parser's errors are answered here because they happen before Nest's filter can see them.
 */
export function jsonBodyParser(): RequestHandler {
  const json = express.json({ limit: BODY_LIMIT, strict: false, reviver: refuseForbiddenKeys });
  // CSV uploads (catalogue import) arrive as text/csv.
  const text = express.text({ limit: BODY_LIMIT, type: ['text/csv', 'text/plain'] });
  return (req: Request, res: Response, next: NextFunction) => {
    json(req, res, (jsonError?: unknown) => {
      if (jsonError !== undefined) return answer(res, jsonError);
      text(req, res, (textError?: unknown) => (textError !== undefined ? answer(res, textError) : next()));
    });
  };
}

function refuseForbiddenKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
  return value;
}

/** body-parser strips own properties off parse errors but keeps the class and message: the message is the key. */
class ForbiddenKeyError extends Error {}

function answer(res: Response, error: unknown): void {
  sendProblem(res, toProblem(bodyError(error)).problem);
}

function bodyError(error: unknown): AppError {
  if (error instanceof ForbiddenKeyError) {
    return new AppError('FORBIDDEN_JSON_KEY', `The key "${error.message}" is not allowed in a request body`, [
      { path: error.message, message: 'not allowed' },
    ]);
  }
  const type = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
  switch (type) {
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', `The request body exceeds ${BODY_LIMIT}`);
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding');
    default:
      return new AppError('VALIDATION_FAILED', 'The request body could not be read');
  }
}
