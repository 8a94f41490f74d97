/**
 * The one way the client talks to the API: same origin, the session in an httpOnly cookie, and
 * the CSRF double-submit token (the readable bf_csrf cookie) echoed in X-CSRF-Token on every
 * unsafe request. Errors arrive as problem+json and become ApiError with the API's code.
 */
export interface TProblemField {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: TProblemField[] = [],
    readonly etag: string | null = null,
    /** The problem's own members besides the standard ones, e.g. OVER_CEILING's `exceeded`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface TRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as it is, under its own type (e.g. an .xlsx workbook), instead of a JSON body. */
  file?: Blob;
  ifMatch?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface TWithVersion<T> {
  data: T;
  /** The budget version the ETag names, when the answer carries one. */
  version: number | null;
}

const CSRF_COOKIE = 'bf_csrf';

export function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match === undefined ? undefined : decodeURIComponent(match.slice(CSRF_COOKIE.length + 1));
}

/** "7" or W/"7" → 7. */
export function versionOfEtag(etag: string | null): number | null {
  const digits = etag === null ? undefined : /(\d+)/.exec(etag)?.[1];
  return digits === undefined ? null : Number(digits);
}

export async function apiRequest<T>(path: string, options: TRequestOptions = {}): Promise<TWithVersion<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file !== undefined) headers['Content-Type'] = options.file.type;
  if (method !== 'GET') {
    const token = csrfToken();
    if (token !== undefined) headers['X-CSRF-Token'] = token;
  }
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.file === undefined ? {} : { body: options.file }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const etag = response.headers.get('ETag');
  if (!response.ok) throw await toApiError(response, etag);
  const data = (response.status === 204 ? undefined : await response.json()) as T;
  return { data, version: versionOfEtag(etag) };
}

export async function api<T>(path: string, options: TRequestOptions = {}): Promise<T> {
  return (await apiRequest<T>(path, options)).data;
}

/** A client error (4xx) will not change by asking again; a network or server error may: twice more. */
export function retryTransient(failures: number, error: Error): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failures < 2;
}

/** The fields at fault are part of what the person reads: " (expenditureLines.3.amount: …)". */
function fieldsText(fields: readonly TProblemField[]): string {
  if (fields.length === 0) return '';
  const shown = fields.slice(0, 3).map((f) => `${f.path}: ${f.message}`);
  return ` (${shown.join('; ')}${fields.length > 3 ? ' …' : ''})`;
}

async function toApiError(response: Response, etag: string | null): Promise<ApiError> {
  try {
    const problem = (await response.json()) as {
      code?: string;
      detail?: string;
      title?: string;
      errors?: TProblemField[];
    } & Record<string, unknown>;
    const fields = problem.errors ?? [];
    return new ApiError(
      response.status,
      problem.code ?? String(response.status),
      `${problem.detail ?? problem.title ?? response.statusText}${fieldsText(fields)}`,
      fields,
      etag,
      problem,
    );
  } catch {
    return new ApiError(response.status, String(response.status), response.statusText, [], etag);
  }
}

/** A query string of the given values, leaving out the undefined ones. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
