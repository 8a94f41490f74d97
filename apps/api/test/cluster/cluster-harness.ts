import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { testQueuePrefix, wipeRedisPrefix } from '../jobs/jobs-fixtures';
import { freePort } from '../jobs/redis-servers';
import { startApiProcess, startWorkerProcess, type TWorkerProcess } from '../jobs/worker-process';
import { seedPeople } from '../utils/seed-people';
import { createTestDatabase, type TTestDatabase } from '../utils/test-database';
import { signInAt, type TTarget } from '../utils/test-app';
import { startRoundRobinProxy, type TProxy } from './round-robin-proxy';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** One API process of the cluster: its port and its process. */
export interface TClusterApi extends TWorkerProcess {
  port: number;
}

/** Budgetflow as a province deploys it, on one machine: several API processes behind a proxy and several workers, one PostgreSQL, one Redis. */
export interface TCluster extends TTarget {
  apis: TClusterApi[];
  workers: TWorkerProcess[];
  proxy: TProxy;
  db: TTestDatabase;
  /** Stops every process that still runs, the proxy, the Redis keys and the database. */
  close(): Promise<void>;
}

/**
 * Starts `apis` API processes (`src/main.ts`, jobs off: API_RUNS_JOBS=false) and `workers` worker
 * processes (`src/worker.ts`) on a fresh migrated database with the test people, a Redis key
 * prefix of their own (and whatever `seed` adds), and a round-robin proxy in front of the APIs. Production mode, as a
 * deployment runs: no demo data, a signing key and session secret shared by all (two-factor off
 * for the test accounts).
 */
export async function startCluster(options: { apis: number; workers: number; seed?: (dataSource: DataSource) => Promise<void> }): Promise<TCluster> {
  const db = await createTestDatabase();
  const dataSource: DataSource = createDataSource(db.url, { poolSize: 4, applicationName: 'budgetflow-cluster-test' });
  await dataSource.initialize();
  const people = await seedPeople(dataSource);
  await options.seed?.(dataSource);
  const prefix = testQueuePrefix();
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    JOBS_DRIVER: 'redis',
    API_RUNS_JOBS: 'false',
    BUDGETFLOW_MODE: 'production',
    SESSION_SECRET: 'cluster-test-secret-cluster-test-secret',
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    TOTP_REQUIRED: 'false',
    // A killed worker's job is taken up by another once its lock runs out: soon, in a test.
    JOB_LOCK_MS: '3000',
  };
  const apis: TClusterApi[] = [];
  const workers: TWorkerProcess[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all([...apis, ...workers].map((p) => (p.child.exitCode === null && p.child.signalCode === null ? p.kill() : Promise.resolve())));
  };
  try {
    for (let i = 0; i < options.apis; i++) {
      const port = await freePort();
      // One after the other: the first runs the migrations' check under its lock, the next find them done.
      apis.push({ port, ...(await startApiProcess('src/main.ts', { ...env, PORT: String(port), LOG_LEVEL: 'log' }, 'Listening on', 'swc')) });
    }
    for (let i = 0; i < options.workers; i++) workers.push(await startWorkerProcess(env));
  } catch (error) {
    await stopAll();
    await dataSource.destroy();
    await db.drop();
    throw error;
  }
  const proxy = await startRoundRobinProxy(apis.map((a) => a.port));
  return {
    apis,
    workers,
    proxy,
    db,
    dataSource,
    people,
    baseUrl: proxy.url,
    http: () => request(proxy.url),
    login: (username, password) => signInAt(proxy.url, username, password),
    async close() {
      await proxy.close();
      await stopAll();
      await dataSource.destroy();
      await wipeRedisPrefix(REDIS_URL, prefix);
      await db.drop();
    },
  };
}
