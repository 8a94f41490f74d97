import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { TAppConfig } from './app-config';
import { TEnv, ZEnv } from './env.schema';
import type { TRedisTarget } from './redis-target';

/**
 * Demo mode without SESSION_SECRET: a fixed value, so that a browser's cookie session (and its
 * CSRF token, an HMAC of the session token) survives a restart of the demo. It protects nothing
 * an attacker could not already do with a stolen session token; production must set its own.
 */
const DEMO_SESSION_SECRET = createHash('sha256').update('budgetflow demo session secret').digest('hex');

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the environment once. Every problem is named with its variable so that a
 * wrong deployment fails at start with a message an operator can act on.
 * The only place in the API that sees process.env is the caller of this function.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): TAppConfig {
  const parsed = ZEnv.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.BUDGETFLOW_MODE === 'production' && e.SESSION_SECRET === undefined) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required when BUDGETFLOW_MODE=production');
  }
  if (e.REDIS_SENTINELS !== undefined && e.REDIS_CLUSTER_NODES !== undefined) {
    throw new ConfigError('Invalid configuration:\n  REDIS_SENTINELS, REDIS_CLUSTER_NODES: set one of them (Sentinel or Cluster), not both');
  }
  if (e.BUDGETFLOW_MODE === 'production' && e.AUDIT_SIGNING_KEY === undefined && e.AUDIT_SIGNING_KEY_FILE === undefined) {
    throw new ConfigError('Invalid configuration:\n  AUDIT_SIGNING_KEY_FILE: required when BUDGETFLOW_MODE=production (or AUDIT_SIGNING_KEY)');
  }
  return {
    databaseUrl: e.DATABASE_URL,
    replica: e.DATABASE_REPLICA_URL === undefined ? undefined : { url: e.DATABASE_REPLICA_URL, maxLagMs: e.REPLICA_MAX_LAG_MS },
    redisUrl: e.REDIS_URL,
    port: e.PORT,
    mode: e.BUDGETFLOW_MODE,
    sessionSecret: e.SESSION_SECRET ?? DEMO_SESSION_SECRET,
    sessionTtlMinutes: e.SESSION_TTL_MINUTES,
    demoPassword: e.DEMO_PASSWORD,
    dataDir: e.BUDGETFLOW_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    // In a Cluster every key of a queue must hash to one slot: the hash tag {…} makes the prefix that slot.
    queuePrefix: e.REDIS_CLUSTER_NODES === undefined ? e.QUEUE_PREFIX : `{${e.QUEUE_PREFIX}}`,
    jobLockMs: e.JOB_LOCK_MS,
    jobsDriver: e.JOBS_DRIVER,
    trustProxy: e.TRUST_PROXY,
    redis: redisTarget(e),
    metricsToken: e.METRICS_TOKEN,
    workerPort: e.WORKER_PORT,
    apiRunsJobs: e.API_RUNS_JOBS === 'true',
    auditKey: {
      pem: e.AUDIT_SIGNING_KEY,
      file: e.AUDIT_SIGNING_KEY_FILE ?? join(e.BUDGETFLOW_DATA_DIR, 'audit-signing-key.pem'),
      generateIfAbsent: e.BUDGETFLOW_MODE === 'demo',
    },
    totpRequired: e.TOTP_REQUIRED === undefined ? e.BUDGETFLOW_MODE === 'production' : e.TOTP_REQUIRED === 'true',
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    passwordPolicy: { minLength: e.PASSWORD_MIN_LENGTH, history: e.PASSWORD_HISTORY },
  };
}

function redisTarget(e: TEnv): TRedisTarget {
  if (e.REDIS_SENTINELS !== undefined) return { kind: 'sentinel', url: e.REDIS_URL, sentinels: e.REDIS_SENTINELS, masterName: e.REDIS_SENTINEL_MASTER };
  if (e.REDIS_CLUSTER_NODES !== undefined) return { kind: 'cluster', url: e.REDIS_URL, nodes: e.REDIS_CLUSTER_NODES };
  return { kind: 'standalone', url: e.REDIS_URL };
}

/** `PORT=` in a shell means "not set", not "the empty string". */
function withoutEmptyValues(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/** For logs: the URL without its password. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
