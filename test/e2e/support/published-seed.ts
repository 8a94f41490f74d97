import { APPROVAL } from '../../../apps/api/test/e2e/budget-test-kit';
import { DEMO_PASSWORD } from './budgetflow-server';

/** One call to the API as a browser story's set-up makes it; anything but 2xx fails the set-up. */
async function call(
  baseUrl: string,
  method: string,
  url: string,
  token?: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** The seed's 2020 draft submitted, approved and published as the desks do it; its publication's id. */
export async function publishSeededDraft(baseUrl: string): Promise<string> {
  const tokenOf = async (username: string) =>
    (await call(baseUrl, 'POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD }))[
      'accessToken'
    ] as string;
  const preparer = await tokenOf('preparer');
  const budget = (
    (await call(baseUrl, 'GET', '/api/budgets', preparer))['items'] as { id: string; version: number }[]
  )[0];
  if (budget === undefined) throw new Error('no seeded budget');
  await call(baseUrl, 'POST', `/api/budgets/${budget.id}/submit`, preparer, { version: budget.version });
  await call(baseUrl, 'POST', `/api/budgets/${budget.id}/approve`, await tokenOf('reviewer'), APPROVAL);
  const published = await call(
    baseUrl,
    'POST',
    `/api/budgets/${budget.id}/publish`,
    await tokenOf('publisher'),
    {},
  );
  return (published['publication'] as { id: string }).id;
}
