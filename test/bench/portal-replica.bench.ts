import { startReplicatedPostgres } from '../../apps/api/test/utils/postgres-servers';
import { waitFor } from '../../apps/api/test/jobs/jobs-fixtures';
import { concurrentLatencies, json, percentile, pg, startServer, stopServer, timed, type TServer } from './api-bench-kit';
import type { Figure } from './bench';
import { SEARCHES, searchUrl, thousandPublications } from './portal.bench';

/**
 * Issue 14: the public portal read from a streaming replica (DATABASE_REPLICA_URL) at 64 clients,
 * against the same visits to an API that reads its primary, each with 1,000 publications, on a
 * primary and replica of the bench's own (initdb, pg_basebackup -R). A visit is what the portal's
 * page of one disclosure asks for: the disclosure, its drill-down data, and a district search.
 */
const VISITORS = 64;
const VISITS_PER_VISITOR = 10;

/** The ids of the server's publications, read on its primary. */
async function publicationIds(server: TServer): Promise<string[]> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return ((await client.query(`SELECT id FROM publications ORDER BY id`)).rows as { id: string }[]).map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** Transactions the replica has committed in the server's database: they grow only if it is read. */
async function replicaTransactions(replicaUrl: string, database: string): Promise<number> {
  const client = new pg.Client({ connectionString: replicaUrl });
  await client.connect();
  try {
    const rows = (await client.query(`SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = $1`, [database])).rows as { n: string }[];
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const KINDS = ['disclosure', 'breakdown', 'search'] as const;
type TVisitLatencies = Record<(typeof KINDS)[number], number[]>;

/** Every request's latency of 64 visitors, each making VISITS_PER_VISITOR visits in a row, in all and by kind. */
async function visits(server: TServer): Promise<TVisitLatencies & { all: number[] }> {
  const ids = await publicationIds(server);
  /** The n-th request of a visitor: of its visit n / 3, the disclosure, its drill-down data or a search. */
  const request = (visitor: number, n: number): Promise<unknown> => {
    const visit = Math.floor(n / 3);
    const id = ids[(visitor * VISITS_PER_VISITOR + visit) % ids.length] ?? '';
    if (n % 3 === 0) return json(`${server.url}/api/public/disclosures/${id}`, { method: 'GET' });
    if (n % 3 === 1) return json(`${server.url}/api/public/disclosures/${id}/breakdown`, { method: 'GET' });
    return json(searchUrl(server.url, SEARCHES[(visitor + visit) % SEARCHES.length] ?? {}), { method: 'GET' });
  };
  const sent = new Map<number, number>();
  const byKind: TVisitLatencies = { disclosure: [], breakdown: [], search: [] };
  const next = async (visitor: number): Promise<void> => {
    const n = sent.get(visitor) ?? 0;
    sent.set(visitor, n + 1);
    byKind[KINDS[n % 3] ?? 'search'].push(await timed(() => request(visitor, n)));
  };
  await concurrentLatencies(3, next, VISITORS); // warm: one visit each, digests made and caches filled
  sent.clear();
  for (const kind of KINDS) byKind[kind].length = 0;
  const { latencies } = await concurrentLatencies(3 * VISITS_PER_VISITOR, next, VISITORS);
  return { all: latencies, ...byKind };
}

export async function run(report: (figure: Figure) => void): Promise<void> {
  const postgres = await startReplicatedPostgres();
  try {
    const primaryOnly = await startServer('api-bench-server.ts', [postgres.primary.url('postgres')]);
    let baseline: Awaited<ReturnType<typeof visits>>;
    try {
      await thousandPublications(primaryOnly.url, primaryOnly.databaseUrl);
      baseline = await visits(primaryOnly);
    } finally {
      await stopServer(primaryOnly);
    }

    const replicated = await startServer('api-bench-server.ts', [postgres.primary.url('postgres'), postgres.replica.url('postgres')]);
    try {
      await thousandPublications(replicated.url, replicated.databaseUrl);
      const health = async () => ((await json(`${replicated.url}/api/health`, { method: 'GET' })).body['replica'] as string | undefined) === 'used';
      await waitFor('the replica to be used', health, 120_000);
      const database = new URL(replicated.databaseUrl).pathname.slice(1);
      const before = await replicaTransactions(postgres.replica.url('postgres'), database);
      const onReplica = await visits(replicated);
      const read = (await replicaTransactions(postgres.replica.url('postgres'), database)) - before;
      const p99 = percentile(onReplica.all, 99);
      const primaryP99 = percentile(baseline.all, 99);
      report({ name: `portal.replica.c${VISITORS}.p99`, value: p99, unit: 'ms', target: { op: '<=', value: 100 } });
      for (const kind of KINDS) report({ name: `portal.replica.c${VISITORS}.${kind}.p99`, value: percentile(onReplica[kind], 99), unit: 'ms', target: { op: '>', value: 0 } });
      report({ name: `portal.primary.c${VISITORS}.p99`, value: primaryP99, unit: 'ms', target: { op: '>', value: 0 } });
      report({ name: `portal.replica-vs-primary.c${VISITORS}.p99`, value: p99 / primaryP99, unit: 'x', target: { op: '<=', value: 1.5 }, decimals: 2 });
      // The visits were answered by the replica: its transactions in that database grew with them.
      report({ name: `portal.replica.c${VISITORS}.replica-transactions`, value: read, unit: 'transactions', target: { op: '>=', value: VISITORS * VISITS_PER_VISITOR } });
    } finally {
      await stopServer(replicated);
    }
  } finally {
    await postgres.stop();
  }
}
