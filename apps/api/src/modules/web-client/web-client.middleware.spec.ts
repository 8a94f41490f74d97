import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import type { TReadableLookup } from './portal-shell';
import { webClientMiddleware } from './web-client.middleware';

const KNOWN_ID = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';

/** The published disclosures as ReadableDisclosures answers them: one known id, one page listing it. */
const readable: TReadableLookup = {
  one: (id) => Promise.resolve(id === KNOWN_ID ? { departmentName: '硚口区教育局', unitName: null, fiscalYear: 2020, versionNo: 1, html: '/api/public/files/h?view=inline' } : undefined),
  page: (page) => Promise.resolve({ items: [{ departmentName: '硚口区教育局', unitName: null, fiscalYear: 2020, versionNo: 1, html: `/listed-on-page-${page}` }], page, pageCount: 3 }),
};

/** An express app with the middleware in front of a stand-in for the API's routes. */
function appServing(dist: string, lookup?: TReadableLookup) {
  const app = express();
  app.use(webClientMiddleware(dist, lookup));
  app.get('/api/health', (_req, res) => res.json({ status: 'ok' }));
  app.use((_req, res) => res.status(404).type('application/problem+json').send('{"code":"NOT_FOUND"}'));
  return app;
}

describe('the web client on the API port', () => {
  let dist: string;
  beforeAll(() => {
    dist = mkdtempSync(path.join(tmpdir(), 'bf-web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('serves the app shell for client routes, never cached', async () => {
    for (const route of ['/', '/portal', '/portal/1b4e28ba-2fa1-11d2-883f-0016d3cca427', '/budgets/x']) {
      const res = await request(appServing(dist)).get(route).expect(200);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('gives portal pages a noscript of what to read, other client routes the shell as it is', async () => {
    const one = await request(appServing(dist, readable)).get(`/portal/${KNOWN_ID}`).expect(200);
    expect(one.headers['content-type']).toContain('text/html');
    expect(one.headers['cache-control']).toBe('no-cache');
    expect(one.text).toContain('<div id="root"></div><noscript>');
    expect(one.text).toContain('href="/api/public/files/h?view=inline"');
    for (const route of ['/portal', '/portal/compare', '/portal/departments/019001', '/']) {
      const res = await request(appServing(dist, readable)).get(route).expect(200);
      expect(res.text).toContain('href="/listed-on-page-1"');
    }
    expect((await request(appServing(dist, readable)).get('/portal?page=2').expect(200)).text).toContain('href="/listed-on-page-2"');
    expect((await request(appServing(dist, readable)).get('/portal?page=x').expect(200)).text).toContain('href="/listed-on-page-1"');
    expect((await request(appServing(dist, readable)).get('/budgets/x').expect(200)).text).not.toContain('<noscript>');
  });

  it('answers 404 (with the list) for a publication id nobody published or a malformed one', async () => {
    for (const route of ['/portal/00000000-0000-4000-8000-000000000000', '/portal/not-an-id']) {
      const res = await request(appServing(dist, readable)).get(route).expect(404);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
      expect(res.text).toContain('href="/listed-on-page-1"');
    }
  });

  it('still serves the shell when the published disclosures cannot be read', async () => {
    const failing: TReadableLookup = { one: () => Promise.reject(new Error('database down')), page: () => Promise.reject(new Error('database down')) };
    const res = await request(appServing(dist, failing)).get('/portal').expect(200);
    expect(res.text).toBe('<!doctype html><div id="root"></div>');
  });

  it('serves hashed assets cached for good, and a missing one as 404', async () => {
    const res = await request(appServing(dist)).get('/assets/index-abc.js').expect(200);
    expect(res.headers['cache-control']).toContain('immutable');
    await request(appServing(dist)).get('/assets/index-old.js').expect(404);
  });

  it('leaves /api to the API, unknown routes included', async () => {
    await request(appServing(dist)).get('/api/health').expect(200, { status: 'ok' });
    const missing = await request(appServing(dist)).get('/api/nope').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('answers only reads: a POST outside /api is not the app shell', async () => {
    await request(appServing(dist)).post('/portal').expect(404);
  });

  it('steps aside when the client is not built', async () => {
    await request(appServing(path.join(dist, 'missing')))
      .get('/portal')
      .expect(404);
  });
});
