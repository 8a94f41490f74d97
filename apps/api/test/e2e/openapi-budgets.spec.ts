import type { TTestApp } from '../utils/test-app';
import { createTestApp } from '../utils/test-app';

/** The routes of budgets, workflow, revisions, comments and the public side are in the OpenAPI document. */
describe('OpenAPI of the budget routes', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('documents every route with its method', async () => {
    const res = await t.http().get('/api/docs/openapi.json').expect(200);
    const paths = (res.body as { paths: Record<string, Record<string, unknown>> }).paths;
    const routes = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/budgets',
        'POST /api/budgets',
        'GET /api/budgets/{id}',
        'PATCH /api/budgets/{id}/lines',
        'PUT /api/budgets/{id}/document',
        'GET /api/budgets/{id}/document',
        'GET /api/budgets/{id}/workbook',
        'PUT /api/budgets/{id}/workbook',
        'GET /api/budgets/{id}/audit',
        ...['submit', 'withdraw', 'return', 'approve', 'publish', 'revise', 'issue-ceilings'].map((a) => `POST /api/budgets/{id}/${a}`),
        'GET /api/budgets/{id}/revisions',
        'GET /api/budgets/{id}/revisions/{no}',
        'GET /api/budgets/{id}/diff',
        'POST /api/budgets/{id}/comments',
        'GET /api/budgets/{id}/comments',
        'POST /api/comments/{id}/answer',
        'GET /api/public/disclosures',
        'GET /api/public/disclosures/{id}',
      ]),
    );
  });
});
