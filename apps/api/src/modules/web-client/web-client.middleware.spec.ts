import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { webClientMiddleware } from './web-client.middleware';

/** An express app with the middleware in front of a stand-in for the API's routes. */
function appServing(dist: string) {
  const app = express();
  app.use(webClientMiddleware(dist));
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
