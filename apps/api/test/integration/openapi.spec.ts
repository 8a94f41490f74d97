import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { createTestApp, TTestApp } from '../utils/test-app';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

interface TOpenApi {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; responses: Record<string, { content?: Record<string, unknown> }> }>>;
}

describe('OpenAPI at /api/docs', () => {
  it('serves the document generated from the routes’ zod schemas', async () => {
    const res = await t.http().get('/api/docs/openapi.json').expect(200);
    const doc = res.body as TOpenApi;
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/auth/login']?.['post'];
    expect(login?.security).toEqual([]);
    const body = login?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(body?.properties ?? {}).sort()).toEqual(['password', 'recoveryCode', 'totpCode', 'username']);
    expect(body?.required?.sort()).toEqual(['password', 'username']);
    expect(Object.keys(login?.responses ?? {}).sort()).toEqual(['200', '400', '401', '429']);
    expect(login?.responses['401']?.content).toHaveProperty(['application/problem+json']);
    const users = doc.paths['/api/users']?.['post'];
    expect(users?.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(Object.keys(users?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
    expect(doc.paths['/api/catalogue/{year}/uploads']?.['post']?.requestBody?.content).toHaveProperty(['application/json']);
  });

  it('documents every route the application serves (except the docs themselves)', async () => {
    const doc = (await t.http().get('/api/docs/openapi.json').expect(200)).body as TOpenApi;
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)));
    const served = servedRoutes(t.app.get(ModulesContainer)).filter((r) => !r.startsWith('GET /api/docs'));
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('serves Swagger UI and its assets without sign-in', async () => {
    const page = await t.http().get('/api/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    // An HTML answer: no inline script may run, nothing may frame it, no type sniffing, no referrer.
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
    expect([page.headers['x-content-type-options'], page.headers['referrer-policy']]).toEqual(['nosniff', 'no-referrer']);
    expect(page.text).toContain('/api/docs/assets/swagger-ui-bundle.js');
    await t.http().get('/api/docs/assets/swagger-ui-bundle.js').expect(200);
    await t.http().get('/api/docs/assets/swagger-ui.css').expect(200);
    const init = await t.http().get('/api/docs/assets/docs-init.js').expect(200);
    expect(init.text).toContain('/api/docs/openapi.json');
  });
});

/** `GET /api/budgets/{id}` for every handler, in OpenAPI's path form. */
function servedRoutes(modules: ModulesContainer): string[] {
  const routes: string[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (controller === null) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const full = `/${[base, path].map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p !== '').join('/')}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
        routes.push(`${RequestMethod[method]} ${full}`);
      }
    }
  }
  return routes;
}
