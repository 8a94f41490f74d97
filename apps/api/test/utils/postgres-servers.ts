import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../jobs/redis-servers';

const run = promisify(execFile);

/** A PostgreSQL server a test started, on a port of its own, with its data under a temporary directory. */
export interface TPostgresServer {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database: string): string;
  /** Fast shutdown, if it still runs. */
  stop(): Promise<void>;
}

/** A primary and its streaming replica (pg_basebackup -R), as a province's database runs. */
export interface TReplicatedPostgres {
  primary: TPostgresServer;
  replica: TPostgresServer;
  /** Stops both and removes their files. */
  stop(): Promise<void>;
}

/** The machine's PostgreSQL binaries (Debian's /usr/lib/postgresql/<major>/bin), newest major first. */
function binary(name: string): string {
  const majors = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (majors[0] === undefined) throw new Error('no PostgreSQL under /usr/lib/postgresql');
  return join('/usr/lib/postgresql', majors[0], 'bin', name);
}

/** PostgreSQL refuses to run as root: then its commands run as the system user `postgres`. */
const asPostgres = (command: string, args: string[]): [string, string[]] =>
  userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

async function exec(command: string, args: string[]): Promise<void> {
  const [file, argv] = asPostgres(command, args);
  await run(file, argv);
}

async function answers(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`postgres on ${port} did not answer within ${timeoutMs} ms`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

async function startServer(dataDir: string, socketDir: string): Promise<TPostgresServer> {
  const port = await freePort();
  // Durability is not under test: no fsync, so that a loaded machine starts it quickly.
  const [file, argv] = asPostgres(binary('postgres'), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`, '-c', 'fsync=off', '-c', 'hot_standby=on']);
  const child: ChildProcess = spawn(file, argv, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await answers(port, 60_000);
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // pg_ctl signals the server itself (not the runuser in between); fast: sessions are cut.
      await exec(binary('pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w']);
      await exited;
    },
  };
}

/** Starts a fresh primary (initdb, trust) and a streaming replica of it, each on a free port. */
export async function startReplicatedPostgres(): Promise<TReplicatedPostgres> {
  const root = mkdtempSync('/tmp/bf-pg-');
  if (userInfo().uid === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  const started: TPostgresServer[] = [];
  const stop = async (): Promise<void> => {
    for (const server of started.reverse()) await server.stop();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await exec(binary('initdb'), ['-D', join(root, 'primary'), '--auth=trust', '-U', 'postgres', '--no-sync', '--encoding=UTF8', '--locale=C.UTF-8']);
    const primary = await startServer(join(root, 'primary'), root);
    started.push(primary);
    await exec(binary('pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', join(root, 'replica'), '-R', '-X', 'stream', '--no-sync']);
    const replica = await startServer(join(root, 'replica'), root);
    started.push(replica);
    return { primary, replica, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
