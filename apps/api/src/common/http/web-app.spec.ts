import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { serveWebClient } from './web-app';

@Module({})
class EmptyModule {}

let dir: string;
let app: INestApplication;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bf-web-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Budgetflow</title>');
  writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
  app = await NestFactory.create(EmptyModule, { logger: false });
  expect(serveWebClient(app, dir)).toBe(true);
  await app.init();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true });
});

describe('serveWebClient', () => {
  it('serves built files, and index.html for the client’s own routes', async () => {
    await request(app.getHttpServer()).get('/app.js').expect(200, 'console.log(1)');
    const page = await request(app.getHttpServer()).get('/budgets/123/tables').expect(200);
    expect(page.text).toContain('<title>Budgetflow</title>');
  });

  it('leaves /api to the API, and does nothing when the client is not built', async () => {
    await request(app.getHttpServer()).get('/api/anything').expect(404);
    // A file of the build under api/ is not served in the API's place (nor looked for at all).
    mkdirSync(path.join(dir, 'api'));
    writeFileSync(path.join(dir, 'api', 'search'), 'a file');
    await request(app.getHttpServer()).get('/api/search').expect(404);
    await request(app.getHttpServer()).post('/somewhere').expect(404);
    expect(serveWebClient(app, path.join(dir, 'missing'))).toBe(false);
  });
});
