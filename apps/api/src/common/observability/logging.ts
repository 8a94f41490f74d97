import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Params } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { TAppConfig } from '../../config/app-config';
import { REQUEST_ID_HEADER, acceptRequestId, runWithRequestId } from './request-context';

/** LOG_LEVEL in pino's words. */
const PINO_LEVELS: Record<TAppConfig['logLevel'], string> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/** Where the JSON lines go: stdout, one line per entry, as a log collector reads containers' output. */
export type TLogStream = DestinationStream;

/**
 * Names the request before anything else runs: the caller's X-Request-Id when acceptable (a proxy's,
 * so one id follows the request through nginx, the API and its jobs), else a new one; answered in the
 * response, even to a body that could not be read.
 */
export function nameRequest(req: Request, res: Response, next: NextFunction): void {
  const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER]);
  (req as Request & { id: string }).id = requestId;
  res.setHeader('X-Request-Id', requestId);
  next();
}

/**
 * Makes the request's id the context of everything its handler does (see request-context.ts). Mounted
 * after the body is read: a context entered before would not reach the body parser's callbacks, which
 * run in the socket's context, and from there the handler.
 */
export function withinRequestContext(req: Request, _res: Response, next: NextFunction): void {
  runWithRequestId((req as Request & { id?: string }).id ?? acceptRequestId(undefined), next);
}

/**
 * nestjs-pino's settings: each request's log lines carry `requestId` (and only that of the request:
 * no headers, which hold sessions and CSRF tokens, no bodies, no query strings), and one line per
 * answered request with its method, path, status and time.
 */
export function httpLoggerParams(config: TAppConfig, stream?: TLogStream): Params {
  return {
    pinoHttp: withStream(
      {
        level: PINO_LEVELS[config.logLevel],
        genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? acceptRequestId(req.headers[REQUEST_ID_HEADER]),
        customAttributeKeys: { reqId: 'requestId' },
        quietReqLogger: true,
        serializers: {
          req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
          res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        },
      },
      stream,
    ),
  };
}

/** pino-http's options, with the stream when one is given (else pino's own stdout). */
function withStream<T>(options: T, stream: TLogStream | undefined): T | [T, TLogStream] {
  return stream === undefined ? options : [options, stream];
}

/** The jobs' logger (worker.ts, and the jobs of `pnpm start`): JSON lines as the API's. */
export function createJobLogger(config: TAppConfig, stream?: TLogStream): Logger {
  const options = { level: PINO_LEVELS[config.logLevel], base: { pid: process.pid, process: 'jobs' } };
  return stream === undefined ? pino(options) : pino(options, stream);
}
