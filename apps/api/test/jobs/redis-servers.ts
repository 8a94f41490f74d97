import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A redis-server (or sentinel) this test started, on a port of its own. */
export interface TRedisServer {
  port: number;
  process: ChildProcess;
  /** SIGKILL: the crash of a machine, nothing flushed. */
  kill(): Promise<void>;
  /** Stops it if it still runs. */
  stop(): Promise<void>;
}

/** A port nothing listens on now (the OS's choice), for a server started right after. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function answers(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis on ${port} did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      probe.disconnect();
    }
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `redis-server` with `args` (in a scratch directory of its own, no persistence), once it answers. */
export function startRedisServer(args: string[], port: number): Promise<TRedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bf-redis-'));
  return launch([...args, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], port, dir);
}

/** Starts a sentinel watching `masterPort` as `masterName`, failing over after a second without answers. */
export function startSentinel(port: number, masterName: string, masterPort: number): Promise<TRedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bf-sentinel-'));
  // A sentinel rewrites its configuration file as it learns; it must be writable and its own.
  const conf = join(dir, 'sentinel.conf');
  const lines = [`port ${port}`, 'bind 127.0.0.1', `dir ${dir}`, `sentinel monitor ${masterName} 127.0.0.1 ${masterPort} 1`, `sentinel down-after-milliseconds ${masterName} 1000`, `sentinel failover-timeout ${masterName} 10000`, `sentinel parallel-syncs ${masterName} 1`];
  writeFileSync(conf, `${lines.join('\n')}\n`);
  return launch([conf, '--sentinel'], port, dir);
}

async function launch(args: string[], port: number, dir: string): Promise<TRedisServer> {
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const gone = exited(child).then(() => rmSync(dir, { recursive: true, force: true }));
  try {
    await answers(port, 20_000);
  } catch (error) {
    child.kill('SIGKILL');
    await gone;
    throw error;
  }
  return {
    port,
    process: child,
    kill: async () => {
      child.kill('SIGKILL');
      await gone;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await gone;
    },
  };
}
