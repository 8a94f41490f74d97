import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { TAppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { createDataSource } from '../../src/database/data-source';
import type { TLogStream } from '../../src/common/observability/logging';
import { seedPeople, TEST_PASSWORD, TSeededPeople, TTestUsername } from './seed-people';
import { createTestDatabase, databaseUrl, TTestDatabase } from './test-database';

export interface TSignedIn {
  token: string;
  csrfToken: string;
  /** `{ Authorization: 'Bearer …' }`, ready for supertest's .set() or fetch's headers. */
  headers: { Authorization: string };
}

export interface TTestApp {
  app: INestApplication;
  /** The app's DataSource: read the database directly to assert what a request changed. */
  dataSource: DataSource;
  db: TTestDatabase;
  config: TAppConfig;
  /** http://127.0.0.1:<port>, for fetch-based (e.g. parallel) clients. */
  baseUrl: string;
  /** Departments and users of seedPeople (see seed-people.ts). */
  people: TSeededPeople;
  /** supertest against the running server: `t.http().get('/api/auth/me').set(t.auth.preparer.headers)`. */
  http(): ReturnType<typeof request>;
  /** Signs in over HTTP (password TEST_PASSWORD unless given) and returns the bearer headers. */
  login(username: TTestUsername | string, password?: string): Promise<TSignedIn>;
  /** Closes the app and drops the database. Call in afterAll. */
  close(): Promise<void>;
}

/** What a story needs of a running Budgetflow: one process (createTestApp) or many behind a proxy (test/cluster). */
export type TTarget = Pick<TTestApp, 'dataSource' | 'baseUrl' | 'people' | 'http' | 'login'>;

/**
 * Boots the real application on a fresh migrated database (createTestDatabase) with the
 * people of seedPeople, listening on a random port. One per test file:
 *
 *   let t: TTestApp;
 *   beforeAll(async () => { t = await createTestApp(); });
 *   afterAll(() => t.close());
 *   it('…', async () => {
 *     const preparer = await t.login('preparer');
 *     await t.http().get('/api/budgets').set(preparer.headers).expect(200);
 *   });
 */
export async function createTestApp(options: { env?: Record<string, string>; seed?: boolean; logStream?: TLogStream; server?: string; replicaServer?: string } = {}): Promise<TTestApp> {
  const db = await createTestDatabase({ server: options.server });
  // On a server a test started (`server`), and its streaming replica (`replicaServer`) for the public's reads.
  const replica = options.replicaServer === undefined ? {} : { DATABASE_REPLICA_URL: databaseUrl(db.name, options.replicaServer) };
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'error', SESSION_SECRET: 'test-secret-test-secret-test-secret-1', ...replica, ...options.env });
  const dataSource = createDataSource(db.url);
  await dataSource.initialize();
  const people = options.seed === false ? ({} as TSeededPeople) : await seedPeople(dataSource);
  const app = await createApp(config, dataSource, { logStream: options.logStream });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as { address(): AddressInfo };
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  return {
    app,
    dataSource,
    db,
    config,
    baseUrl,
    people,
    http: () => request(baseUrl),
    login: (username, password) => signInAt(baseUrl, username, password),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Signs in over HTTP at `baseUrl` (password TEST_PASSWORD unless given) and returns the bearer headers. */
export async function signInAt(baseUrl: string, username: string, password = TEST_PASSWORD): Promise<TSignedIn> {
  const res = await request(baseUrl).post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login(${username}) answered ${res.status}: ${res.text}`);
  const body = res.body as { accessToken: string; csrfToken: string };
  return { token: body.accessToken, csrfToken: body.csrfToken, headers: { Authorization: `Bearer ${body.accessToken}` } };
}
