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
    // A server that exits at once (its port taken since freePort chose it) is said so then, not after 20 s.
    await Promise.race([answers(port, 20_000), gone.then(() => Promise.reject(new Error(`redis-server on ${port} exited before it answered (code ${child.exitCode ?? child.signalCode})`)))]);
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
    // A server that has not shut down 10 s after SIGTERM (a master waiting for replicas that are gone) is killed.
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killLate = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone.finally(() => clearTimeout(killLate));
    },
  };
}

/**
 * A cluster-enabled redis-server on a free port, its cluster bus on another free port (by default
 * the bus is the port + 10,000, which may be taken or past 65,535). A port taken between its choice
 * and the server's start is tried again on new ones.
 */
async function startClusterNode(attempts = 3): Promise<TRedisServer> {
  for (let attempt = 1; ; attempt++) {
    const [port, busPort] = [await freePort(), await freePort()];
    try {
      // No delay before a replica's first sync: a replica that never synced cannot take over.
      return await startRedisServer(['--cluster-enabled', 'yes', '--cluster-port', String(busPort), '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '1000', '--repl-diskless-sync-delay', '0'], port);
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

/** A Redis Cluster a test started: masters with a replica each, every slot served. */
export interface TRedisCluster {
  nodes: TRedisServer[];
  /** `127.0.0.1:port,…` of every node, as REDIS_CLUSTER_NODES takes them. */
  nodeList: string;
  /** The port of the master that serves `slot` now. */
  masterOf(slot: number): Promise<number>;
  stop(): Promise<void>;
}

/** `CLUSTER SLOTS`: ranges of slots, each with its master's and replicas' addresses. */
type TSlotRanges = [number, number, [string, number, ...unknown[]], ...unknown[]][];

/**
 * Starts `masters` cluster-enabled redis-servers and as many replicas, joins them with
 * `redis-cli --cluster create … --cluster-replicas 1`, and waits until every node says the cluster
 * is ok. A master that stops answering for a second is failed over to its replica.
 */
export async function startRedisCluster(masters: number): Promise<TRedisCluster> {
  const nodes: TRedisServer[] = [];
  const stop = async (): Promise<void> => {
    for (const node of nodes) await node.stop();
  };
  try {
    for (let i = 0; i < masters * 2; i++) nodes.push(await startClusterNode());
    const addresses = nodes.map((n) => `127.0.0.1:${n.port}`);
    await new Promise<void>((resolve, reject) => {
      const child = spawn('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '1', '--cluster-yes'], { stdio: 'ignore' });
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`redis-cli --cluster create exited ${code}`))));
    });
    for (const node of nodes) {
      const probe = new Redis({ port: node.port, host: '127.0.0.1' });
      try {
        const deadline = Date.now() + 30_000;
        // Ok everywhere, and each replica in sync with its master.
        const ready = async (): Promise<boolean> => {
          if (!String(await probe.call('CLUSTER', 'INFO')).includes('cluster_state:ok')) return false;
          const replication = String(await probe.call('INFO', 'replication'));
          return replication.includes('role:master') || replication.includes('master_link_status:up');
        };
        while (!(await ready())) {
          if (Date.now() > deadline) throw new Error(`the cluster is not ok on ${node.port} after 30 s`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        probe.disconnect();
      }
    }
    const living = () => nodes.filter((n) => n.process.exitCode === null && n.process.signalCode === null);
    return {
      nodes,
      nodeList: addresses.join(','),
      masterOf: async (slot) => {
        const probe = new Redis({ port: living()[0]?.port ?? 0, host: '127.0.0.1' });
        try {
          const ranges = (await probe.call('CLUSTER', 'SLOTS')) as TSlotRanges;
          const range = ranges.find(([from, to]) => from <= slot && slot <= to);
          if (range === undefined) throw new Error(`no node serves slot ${slot}`);
          return range[2][1];
        } finally {
          probe.disconnect();
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
