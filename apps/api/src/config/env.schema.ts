import { z } from 'zod';
import { JOB_DRIVER_NAMES } from '../queue/job-driver';
import { ZHostPorts } from './host-ports.schema';
import { ZTrustProxy } from './trust-proxy.schema';

/** The whole environment Budgetflow reads, in one place; parsed once at start (see load-config.ts). */
export const ZEnv = z.object({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  // A streaming replica of DATABASE_URL's database for the public's reads (portal, disclosures, open data); unset, the primary serves them.
  DATABASE_REPLICA_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  // The replica is not read while it may be further behind the primary than this (ms).
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).default('redis://127.0.0.1:6379'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BUDGETFLOW_MODE: z.enum(['demo', 'production']).default('demo'),
  // Used to bind CSRF tokens to sessions; production must set its own.
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(8 * 60),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo-password'),
  // Where the embedded PostgreSQL keeps its files when no server is configured or reachable.
  BUDGETFLOW_DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
  // Who runs the jobs of `pnpm start`: auto (Redis when it answers at start, else in-process), redis, in-process.
  JOBS_DRIVER: z.enum(['auto', ...JOB_DRIVER_NAMES]).default('auto'),
  // Redis key prefix of the job queues: one per deployment sharing a Redis.
  QUEUE_PREFIX: z.string().regex(/^[\w-]{1,64}$/, 'letters, digits, "-" or "_" (at most 64)').default('budgetflow'),
  // How long a job's lock lasts: a job whose worker died is taken up again after about this long.
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  // Behind a reverse proxy: whose X-Forwarded-For names the client (sessions, sign-in throttle).
  TRUST_PROXY: ZTrustProxy.default(false),
  // GET /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>`; unset, it answers 404.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // A worker's own HTTP port (it has no other): GET /api/health for probes and GET /metrics; unset, none.
  WORKER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // Redis behind Sentinel: host:port,host:port of the sentinels, and the master's name they watch.
  REDIS_SENTINELS: ZHostPorts.optional(),
  REDIS_SENTINEL_MASTER: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, ".", "-" or "_"').default('budgetflow'),
  // Redis Cluster: host:port,host:port of some of its nodes (the others are discovered).
  REDIS_CLUSTER_NODES: ZHostPorts.optional(),
  // Whether `pnpm start`'s process (main.js) runs the jobs beside the API; false where workers run them (the Helm chart, compose's app profile).
  API_RUNS_JOBS: z.enum(['true', 'false']).default('true'),
  // The Ed25519 key that signs the audit chain's heads (PEM), or a file holding it; never in the database.
  AUDIT_SIGNING_KEY: z.string().includes('PRIVATE KEY', { error: 'must be a PEM private key' }).optional(),
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  // Two-factor sign-in (TOTP) for reviewers, publishers and administrators: on by default in production.
  TOTP_REQUIRED: z.enum(['true', 'false']).optional(),
  // A session unused this long is over (等保: idle timeout).
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(12),
  // A new password may not be one of the user's last this many.
  PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24).default(5),
});
export type TEnv = z.infer<typeof ZEnv>;
