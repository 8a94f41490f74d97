import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header a client or proxy (nginx's `$request_id`) names its request by; answered on every response. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a given request id may be: a proxy's hex, a UUID, a trace id; nothing that could forge a log line. */
const ACCEPTED_REQUEST_ID = /^[\w.:-]{1,128}$/;

interface TRequestContext {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<TRequestContext>();

/** The id of the request (or of the job a request caused) this code runs for, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `work` as part of the request `requestId`: logs, outbox rows and jobs it causes carry that id. */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** The caller's id when it is an acceptable one, else a new one. */
export function acceptRequestId(given: string | string[] | undefined): string {
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && ACCEPTED_REQUEST_ID.test(value) ? value : randomUUID();
}
