import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { TAppConfig } from '../config/app-config';
import { maskUrl } from '../config/load-config';
import { startEmbeddedPostgres } from './embedded-postgres';

export const DEFAULT_DATABASE = 'budgetflow';
const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const logger = new Logger('Database');

export interface TLocatedDatabase {
  url: string;
  source: 'DATABASE_URL' | 'local server' | 'embedded';
  /** Stops what we started (the embedded server); a no-op otherwise. */
  stop(): Promise<void>;
}

/**
 * Where Budgetflow keeps its data, in order: DATABASE_URL when set; else a PostgreSQL answering
 * on 127.0.0.1:5432 (database `budgetflow`, created if missing); else an embedded PostgreSQL
 * with its files under BUDGETFLOW_DATA_DIR (default .data/).
 */
export async function locateDatabase(config: TAppConfig): Promise<TLocatedDatabase> {
  if (config.databaseUrl !== undefined) {
    logger.log(`Using DATABASE_URL ${maskUrl(config.databaseUrl)}`);
    return { url: config.databaseUrl, source: 'DATABASE_URL', stop: async () => undefined };
  }
  if (await answers(LOCAL_ADMIN_URL)) {
    const url = await ensureDatabase(LOCAL_ADMIN_URL, DEFAULT_DATABASE);
    logger.log(`Using the PostgreSQL server on 127.0.0.1:5432, database ${DEFAULT_DATABASE}`);
    return { url, source: 'local server', stop: async () => undefined };
  }
  logger.log('No DATABASE_URL and no PostgreSQL on 127.0.0.1:5432: starting an embedded PostgreSQL');
  const embedded = await startEmbeddedPostgres(config.dataDir);
  try {
    const url = await ensureDatabase(embedded.adminUrl, DEFAULT_DATABASE);
    return { url, source: 'embedded', stop: () => embedded.stop() };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `name` on the server of `adminUrl` unless it exists; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      // Two instances starting at once may race here; the loser's "already exists" is fine.
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
