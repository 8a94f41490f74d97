import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadConfig } from '../../apps/api/src/config/load-config';
import { SessionService } from '../../apps/api/src/modules/auth/session.service';
import type { BudgetLinesRepository } from '../../apps/api/src/modules/budgets/budget-lines.repository';

/** TypeORM's EntityManager, named through the API (typeorm is the API's dependency, not the root's). */
type EntityManager = Parameters<BudgetLinesRepository['loadIncome']>[0];

/**
 * What the API benches share: the real API in a child process, timing of concurrent clients, and a
 * bare pg adapter on which the API's own repositories run their SQL for the baselines (the same
 * statements the route sends, without HTTP, Nest or TypeORM in between).
 */

/** The little of pg these benches use; pg is the API's dependency, not the workspace root's. */
export interface TPgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null; command: string }>;
  end(): Promise<void>;
}
export interface TPgPool {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null; command: string }>;
  connect(): Promise<TPgClient & { release(): void }>;
  end(): Promise<void>;
}
export const pg = createRequire(path.resolve(__dirname, '../../apps/api/package.json'))('pg') as {
  Client: new (options: { connectionString: string }) => TPgClient;
  Pool: new (options: { connectionString: string; max: number }) => TPgPool;
};

export const CLIENTS = 16;
/** How many preparers of departments of their own the bench server seeds (editor01…): one per client. */
export const BENCH_EDITORS = CLIENTS;

export interface TServer {
  url: string;
  databaseUrl: string;
  child: ChildProcess;
}

/**
 * The real API in a child process (SWC-compiled so NestJS gets its decorator metadata): the script
 * beside this file (api-bench-server.ts unless named) with its arguments. With
 * BENCH_PROFILE_DIR set, the server writes a CPU profile of its whole run there.
 */
export function startServer(script = 'api-bench-server.ts', args: string[] = []): Promise<TServer> {
  const profileDir = process.env['BENCH_PROFILE_DIR'];
  const profile = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const child = fork(path.join(__dirname, script), args, { execArgv: ['-r', path.join(__dirname, '../../apps/api/test/utils/swc-register.cjs'), ...profile] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ ...(message as { url: string; databaseUrl: string }), child }));
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
  });
}

/** Sends the bench server a command (see api-bench-server.ts) and waits for its answer. */
export function tellServer(server: TServer, command: { audit: boolean }): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('message', () => resolve());
    server.child.send(command);
  });
}

export function stopServer(server: TServer): Promise<void> {
  return new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    server.child.once('exit', () => resolve());
    server.child.send('stop');
  });
}

export async function json(url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<{ status: number; etag: string | null; body: Record<string, unknown> }> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { status: res.status, etag: res.headers.get('etag'), body: JSON.parse(text) as Record<string, unknown> };
}

/** Signs in over HTTP; the headers of that user's requests, and their token. */
export async function signIn(url: string, username: string, password: string): Promise<{ token: string; headers: Record<string, string> }> {
  const login = await json(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const token = String(login.body['accessToken']);
  return { token, headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** `clients` clients (CLIENTS unless named) each calling `fn(client)` `rounds` times in a row: every latency, and calls per second over the whole. */
export async function concurrentLatencies(rounds: number, fn: (client: number) => Promise<unknown>, clients = CLIENTS): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  const wall = await timed(() =>
    Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = 0; i < rounds; i++) latencies.push(await timed(() => fn(client)));
      }),
    ),
  );
  return { latencies, perSecond: (latencies.length / wall) * 1000 };
}

/**
 * An EntityManager as the API's repositories use it (query, and an open transaction's runner), on a
 * bare pg connection: UPDATE and DELETE answer `[rows, count]` as TypeORM does on PostgreSQL.
 */
/** What the API's services take as their DataSource, answering rows from a bare pool. */
export type TBareDataSource = ConstructorParameters<typeof SessionService>[0];

export function bareDataSource(pool: Pick<TPgPool, 'query'>): TBareDataSource {
  return { query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows } as unknown as TBareDataSource;
}

/**
 * The API's own session lookup on a bare pool, configured as the bench server is: the defaults, the
 * idle timeout among them (an empty config has none, and every session would read as expired).
 * Only the session settings are read; the URL is never connected to.
 */
export function bareSessions(pool: Pick<TPgPool, 'query'>): SessionService {
  return new SessionService(bareDataSource(pool), loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/bench-baseline' }));
}

export function bareManager(client: Pick<TPgClient, 'query'>): EntityManager {
  return {
    query: async (sql: string, params?: unknown[]) => {
      const result = await client.query(sql, params);
      return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
    },
    queryRunner: { isTransactionActive: true, data: {} },
  } as unknown as EntityManager;
}
