import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { TRole } from '../auth/role';
import { ZProblem } from '../errors/problem.schema';

/**
 * The API's OpenAPI document is built from the same zod schemas the routes validate with.
 * Each controller file documents its routes next to them, at import time:
 *
 *   documentRoute({ method: 'post', path: '/api/auth/login', summary: 'Sign in', tags: ['auth'],
 *     access: 'public', body: ZLoginRequest, response: { status: 200, schema: ZLoginResponse } });
 *
 * Paths use OpenAPI's `{id}` form. Problem responses (400/401/403/404/…) are added from `access`.
 */
const registry = new OpenAPIRegistry();

registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'accessToken from POST /api/auth/login' });
registry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: 'bf_session', description: 'plus X-CSRF-Token on unsafe methods' });

type TParams = z.ZodObject;

export interface TRouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tags: string[];
  /** Who may call it: 'public' or the roles of its @Roles(...) decorator. */
  access: 'public' | readonly TRole[];
  params?: TParams;
  query?: TParams;
  headers?: TParams;
  body?: z.ZodType;
  /** Default application/json; e.g. 'text/csv' for uploads. */
  bodyContentType?: string;
  response: { status: number; description?: string; schema?: z.ZodType; contentType?: string };
  /** Extra problem statuses this route can answer, e.g. [409, 412]. */
  problems?: number[];
}

export function documentRoute(doc: TRouteDoc): void {
  const problemStatuses = new Set<number>(doc.problems ?? []);
  if (doc.body !== undefined || doc.query !== undefined || doc.params !== undefined) problemStatuses.add(400);
  if (doc.access !== 'public') [401, 403].forEach((s) => problemStatuses.add(s));
  if (doc.params !== undefined) problemStatuses.add(404);
  const responses: Record<string, { description: string; content?: Record<string, { schema: z.ZodType }> }> = {
    [doc.response.status]: {
      description: doc.response.description ?? 'OK',
      ...(doc.response.schema ? { content: { [doc.response.contentType ?? 'application/json']: { schema: doc.response.schema } } } : {}),
    },
  };
  for (const status of [...problemStatuses].sort()) {
    responses[status] = { description: 'Problem details', content: { 'application/problem+json': { schema: ZProblem } } };
  }
  registry.registerPath({
    method: doc.method,
    path: doc.path,
    summary: doc.summary,
    tags: doc.tags,
    description: doc.access === 'public' ? 'Public: no sign-in needed.' : `Roles: ${doc.access.join(', ')}.`,
    ...(doc.access === 'public' ? { security: [] } : { security: [{ bearer: [] }, { cookie: [] }] }),
    request: {
      ...(doc.params ? { params: doc.params } : {}),
      ...(doc.query ? { query: doc.query } : {}),
      ...(doc.headers ? { headers: doc.headers } : {}),
      ...(doc.body ? { body: { required: true, content: { [doc.bodyContentType ?? 'application/json']: { schema: doc.body } } } } : {}),
    },
    responses,
  });
}

let cached: unknown;
/** The document, generated once on first request (all controllers are imported by then). */
export function openApiDocument(): unknown {
  cached ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Budgetflow API', version: '1.0.0', description: 'Department budgets: preparation, review, approval and disclosure. Errors are application/problem+json.' },
  });
  return cached;
}
