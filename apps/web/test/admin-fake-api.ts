/**
 * The admin routes answered in memory for the component tests: each request is recorded, and
 * answered by the first handler whose method and path match (404 otherwise), as the API would.
 */
export interface TRecorded {
  method: string;
  path: string;
  body: unknown;
}

type THandler = (request: TRecorded) => unknown;

/** An answer the fake gives as the API's refusal: problem+json of this status, with `code` and any members. */
export class Problem {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly members: Record<string, unknown> = {},
  ) {}
}

export function fakeApi(routes: Record<string, THandler | object | undefined>): TRecorded[] {
  const requests: TRecorded[] = [];
  const fetch = async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : init.body;
    const request = { method, path: input, body };
    requests.push(request);
    const key = Object.keys(routes).find((k) => new RegExp(`^${k}$`).test(`${method} ${input}`));
    const route = key === undefined ? undefined : routes[key];
    const answer = typeof route === 'function' ? (route as THandler)(request) : route;
    if (answer instanceof Problem) {
      const problem = { status: answer.status, code: answer.code, detail: `refused: ${answer.code}`, ...answer.members };
      return { ok: false, status: answer.status, headers: { get: () => null }, json: async () => problem };
    }
    const status = key === undefined ? 404 : answer === undefined ? 204 : 200;
    return {
      ok: status < 300,
      status,
      headers: { get: () => null },
      json: async () => (status === 404 ? { status, code: 'NOT_FOUND', detail: `no route ${method} ${input}` } : answer),
    };
  };
  Object.assign(globalThis, { fetch });
  return requests;
}
