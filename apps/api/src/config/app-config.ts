import type { TJobDriverName } from '../queue/job-driver';
import type { TAuditKeySource } from '../modules/audit/signing-key';
import { TEnv } from './env.schema';
import type { TRedisTarget } from './redis-target';

/** Typed configuration the application uses; built once from the environment by loadConfig(). */
export interface TAppConfig {
  /** Undefined until the database locator has chosen one (see database/postgres-locator.ts). */
  readonly databaseUrl: string | undefined;
  /** The read replica for the public's reads (DATABASE_REPLICA_URL) and how far behind it may be; undefined: none. */
  readonly replica: { readonly url: string; readonly maxLagMs: number } | undefined;
  readonly redisUrl: string;
  readonly port: number;
  readonly mode: TEnv['BUDGETFLOW_MODE'];
  readonly sessionSecret: string;
  readonly sessionTtlMinutes: number;
  readonly demoPassword: string;
  readonly dataDir: string;
  readonly logLevel: TEnv['LOG_LEVEL'];
  readonly queuePrefix: string;
  readonly jobLockMs: number;
  /**
   * Who runs the jobs (JOBS_DRIVER). `auto` is settled at start (see chooseJobDriver) before the app is
   * built; an app built with `auto` (one without jobs beside it) reads the jobs' states in Redis.
   */
  readonly jobsDriver: 'auto' | TJobDriverName;
  /** Express's `trust proxy`: false, a hop count, or the trusted proxies' addresses (TRUST_PROXY). */
  readonly trustProxy: TEnv['TRUST_PROXY'];
  /** The queues' Redis: REDIS_URL alone, or with Sentinel or Cluster (see redis-target.ts). */
  readonly redis: TRedisTarget;
  /** The bearer token GET /metrics asks for (METRICS_TOKEN); undefined: /metrics is not served. */
  readonly metricsToken: string | undefined;
  /** A worker's HTTP port for its health and metrics (WORKER_PORT); undefined: none. */
  readonly workerPort: number | undefined;
  /** Whether main.js runs the jobs beside the API (API_RUNS_JOBS); false where separate workers run them. */
  readonly apiRunsJobs: boolean;
  /** The key that signs the audit chain's heads (AUDIT_SIGNING_KEY or its file; demo: generated under dataDir). */
  readonly auditKey: TAuditKeySource;
  /** Whether reviewers, publishers and administrators must sign in with TOTP (TOTP_REQUIRED; production: yes). */
  readonly totpRequired: boolean;
  readonly sessionIdleMinutes: number;
  readonly passwordPolicy: { readonly minLength: number; readonly history: number };
}

/** Nest injection token for TAppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
