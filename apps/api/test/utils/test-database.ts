import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { migrateUnderLock } from '../../src/database/migrate';

/**
 * The machine's PostgreSQL (trust auth). Tests may point elsewhere with TEST_POSTGRES_URL;
 * this is test tooling, not the app, so it reads the environment directly.
 */
export const TEST_POSTGRES_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TTestDatabase {
  /** postgres:// URL of the fresh database. */
  url: string;
  name: string;
  /** Drops the database (terminating leftover connections). Call in afterAll. */
  drop(): Promise<void>;
}

/**
 * Creates `bf_test_<random>` and runs the real migrations in it (unless `migrate: false`), on the
 * machine's PostgreSQL or on `server` (a URL of a server a test started).
 *   const db = await createTestDatabase(); … afterAll(() => db.drop());
 */
export async function createTestDatabase(options: { migrate?: boolean; server?: string } = {}): Promise<TTestDatabase> {
  const server = options.server ?? TEST_POSTGRES_URL;
  const name = `bf_test_${randomBytes(6).toString('hex')}`;
  await withSuperuser(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(name, server);
  if (options.migrate !== false) {
    const ds = createDataSource(url, { poolSize: 2 });
    await ds.initialize();
    try {
      await migrateUnderLock(ds);
    } finally {
      await ds.destroy();
    }
  }
  return { url, name, drop: () => withSuperuser(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

export interface TTestDataSource {
  ds: DataSource;
  /** Closes the data source, then drops the database. Call in afterAll. */
  close(): Promise<void>;
}

/**
 * A fresh migrated database and a data source on it, for tests of the jobs and the database alone:
 *   let db: TTestDataSource; beforeAll(async () => { db = await openTestDataSource(); }); afterAll(() => db.close());
 */
export async function openTestDataSource(options: { poolSize?: number } = {}): Promise<TTestDataSource> {
  const db = await createTestDatabase();
  const ds = createDataSource(db.url, { poolSize: options.poolSize ?? 2 });
  await ds.initialize();
  return {
    ds,
    close: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}

/** The URL of database `name` on the server of `server` (a URL of any of its databases; the machine's by default). */
export function databaseUrl(name: string, server = TEST_POSTGRES_URL): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `work` on a superuser connection to the given database (e.g. to disable a trigger in a tamper test). */
export async function withSuperuser<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

