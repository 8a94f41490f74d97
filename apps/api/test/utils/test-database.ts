import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
 * Creates `bf_test_<random>` on the machine's PostgreSQL or on `server` (a URL of a server a test
 * started): empty with `migrate: false`, else a copy of the migrated template (see migratedTemplate),
 * which holds exactly what the real migrations make.
 *   const db = await createTestDatabase(); … afterAll(() => db.drop());
 */
export async function createTestDatabase(options: { migrate?: boolean; server?: string } = {}): Promise<TTestDatabase> {
  const server = options.server ?? TEST_POSTGRES_URL;
  const name = `bf_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrate === false ? undefined : await migratedTemplate(server);
  await withSuperuser(server, (c) => c.query(`CREATE DATABASE ${name}${template === undefined ? '' : ` TEMPLATE ${template} STRATEGY WAL_LOG`}`));
  return { url: databaseUrl(name, server), name, drop: () => withSuperuser(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

const MIGRATIONS_DIR = join(__dirname, '../../src/database/migrations');

/**
 * The name of a database on `server` that the real migrations of this checkout made, built once
 * per server and per content of the migrations (their hash is in the name, so a changed migration
 * builds a new one) and copied for each test file: a copy takes a tenth of running some forty
 * migrations, which every test file did before. Built under an advisory lock, as `…_building`,
 * renamed when complete, so a concurrent or interrupted build is never copied half made. Nobody
 * connects to the template once built (a copy needs that).
 */
async function migratedTemplate(server: string): Promise<string> {
  const name = `bf_tmpl_${migrationsHash()}`;
  return withSuperuser(server, async (c) => {
    await c.query(`SELECT pg_advisory_lock(hashtext('budgetflow test template'))`);
    try {
      const found: unknown[] = (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rows;
      if (found.length > 0) return name;
      const building = `${name}_building`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      const ds = createDataSource(databaseUrl(building, server), { poolSize: 2 });
      await ds.initialize();
      try {
        await migrateUnderLock(ds);
      } finally {
        await ds.destroy();
      }
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      return name;
    } finally {
      await c.query(`SELECT pg_advisory_unlock(hashtext('budgetflow test template'))`);
    }
  });
}

let hashed: string | undefined;
function migrationsHash(): string {
  if (hashed !== undefined) return hashed;
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  hashed = hash.digest('hex').slice(0, 16);
  return hashed;
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

