import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TBudgetDocument } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import type { Figure } from './bench';

/** The little of pg these benches use; pg is the API's dependency, not the workspace root's. */
interface TPgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(path.resolve(__dirname, '../../apps/api/package.json'))('pg') as {
  Client: new (options: { connectionString: string }) => TPgClient;
  Pool: new (options: { connectionString: string; max: number }) => Omit<TPgClient, 'connect'>;
};

const LINES = 10_000;
const CLIENTS = 16;
const ROUNDS_PER_CLIENT = 25;

interface TServer {
  url: string;
  databaseUrl: string;
  child: ChildProcess;
}

/** The real API in a child process (SWC-compiled so NestJS gets its decorator metadata). */
function startServer(): Promise<TServer> {
  const child = fork(path.join(__dirname, 'api-bench-server.ts'), [], { execArgv: ['-r', path.join(__dirname, 'api-bench-register.cjs')] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ ...(message as { url: string; databaseUrl: string }), child }));
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
  });
}

function stopServer(server: TServer): Promise<void> {
  return new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    server.child.once('exit', () => resolve());
    server.child.send('stop');
  });
}

async function json(url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<{ status: number; etag: string | null; body: Record<string, unknown> }> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { status: res.status, etag: res.headers.get('etag'), body: JSON.parse(text) as Record<string, unknown> };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Latencies of `CLIENTS` clients each calling `fn` `ROUNDS_PER_CLIENT` times in a row. */
async function concurrentLatencies(fn: () => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = 0; i < ROUNDS_PER_CLIENT; i++) latencies.push(await timed(fn));
    }),
  );
  return latencies;
}

/**
 * The baseline of an import: COPY of the same expenditure rows into expenditure_lines itself (keys,
 * foreign key and all), for another budget, from a CSV file the local server reads.
 */
async function copyBaseline(databaseUrl: string, budgetId: string, document: TBudgetDocument): Promise<{ once(): Promise<number>; close(): Promise<void> }> {
  const file = path.join(tmpdir(), `bf-bench-copy-${process.pid}.csv`);
  const csv = (value: string | undefined) => (value === undefined ? '' : `"${value.replaceAll('"', '""')}"`);
  writeFileSync(
    file,
    document.expenditureLines
      .map((l, i) => [budgetId, csv(l.id), i + 1, l.unitCode, l.functionCode, l.economicCode, l.kind, csv(l.projectId), l.fundSource, l.amount, csv(l.note)].join(','))
      .join('\n'),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    async once() {
      await client.query('DELETE FROM expenditure_lines WHERE budget_id = $1', [budgetId]);
      return timed(() => client.query(`COPY expenditure_lines (budget_id, line_id, ordinal, unit_code, function_code, economic_code, kind, project_id, fund_source, amount, note) FROM '${file}' WITH (FORMAT csv)`));
    },
    async close() {
      await client.end();
      unlinkSync(file);
    },
  };
}

/** The SQL the derived tables rest on: the lines summed by every key the tables group by. */
const BARE_AGGREGATION = `SELECT unit_code, function_code, economic_code, kind, fund_source, sum(amount)::text AS total, count(*)
  FROM expenditure_lines WHERE budget_id = $1 GROUP BY unit_code, function_code, economic_code, kind, fund_source`;

export async function run(report: (figure: Figure) => void): Promise<void> {
  const server = await startServer();
  try {
    const login = await json(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'preparer', password: 'test-password-1' }),
    });
    const auth = { Authorization: `Bearer ${String(login.body['accessToken'])}`, 'content-type': 'application/json' };
    const generated = generateBudget({ lines: LINES });
    const document: TBudgetDocument = { ...generated, department: { ...generated.department, code: '019001' } };
    const created = await json(`${server.url}/api/budgets`, { method: 'POST', headers: auth, body: JSON.stringify({ fiscalYear: document.fiscalYear }) });
    const id = String(created.body['id']);
    let version = Number(created.body['version']);
    const body = JSON.stringify(document);

    // Import: the whole PUT (parse, validate, replace 10,000 rows, audit), each run paired with a
    // COPY of the same rows right after it, so that both see the same load on a shared machine.
    const scratch = await json(`${server.url}/api/budgets`, { method: 'POST', headers: auth, body: JSON.stringify({ fiscalYear: document.fiscalYear + 1 }) });
    const copy = await copyBaseline(server.databaseUrl, String(scratch.body['id']), document);
    const importTimes: number[] = [];
    const copyTimes: number[] = [];
    try {
      for (let i = 0; i < 7; i++) {
        importTimes.push(
          await timed(async () => {
            const res = await json(`${server.url}/api/budgets/${id}/document`, { method: 'PUT', headers: { ...auth, 'If-Match': `"${version}"` }, body });
            version = Number(res.body['version']);
          }),
        );
        copyTimes.push(await copy.once());
      }
    } finally {
      await copy.close();
    }
    const importMs = median(importTimes);
    const copyMs = median(copyTimes);
    report({ name: 'api.import-10k.ms', value: importMs, unit: 'ms', target: { op: '<=', value: 300 } });
    report({ name: 'api.import-10k.copy-ms', value: copyMs, unit: 'ms', target: { op: '<=', value: 300 } });
    report({ name: 'api.import-10k.ratio-to-copy', value: importMs / copyMs, unit: 'x', target: { op: '<=', value: 3 } });

    // Read: the budget with its derived tables and findings, 16 clients at once.
    // The client reads the whole answer; parsing it is the client's time, not the server's.
    const read = async () => {
      const res = await fetch(`${server.url}/api/budgets/${id}`, { headers: auth });
      if (res.status !== 200) throw new Error(`GET answered ${res.status}`);
      return res.text();
    };
    await read();
    const getP99 = percentile(await concurrentLatencies(read), 99);
    const pool = new pg.Pool({ connectionString: server.databaseUrl, max: CLIENTS });
    try {
      await pool.query(BARE_AGGREGATION, [id]);
      const sqlP99 = percentile(await concurrentLatencies(() => pool.query(BARE_AGGREGATION, [id])), 99);
      report({ name: 'api.get-10k.c16.p99', value: getP99, unit: 'ms', target: { op: '<=', value: 100 } });
      report({ name: 'api.get-10k.c16.sql-aggregation-p99', value: sqlP99, unit: 'ms', target: { op: '<=', value: 100 } });
      report({ name: 'api.get-10k.c16.ratio-to-sql', value: getP99 / sqlP99, unit: 'x', target: { op: '<=', value: 1.5 } });
    } finally {
      await pool.end();
    }
  } finally {
    await stopServer(server);
  }
}
