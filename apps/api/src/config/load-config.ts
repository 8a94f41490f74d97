import { randomBytes } from 'node:crypto';
import { TAppConfig } from './app-config';
import { ZEnv } from './env.schema';

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
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    port: e.PORT,
    mode: e.BUDGETFLOW_MODE,
    // A demo without a configured secret gets a fresh one per process: sessions do not survive a restart.
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    sessionTtlMinutes: e.SESSION_TTL_MINUTES,
    demoPassword: e.DEMO_PASSWORD,
    dataDir: e.BUDGETFLOW_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    queuePrefix: e.QUEUE_PREFIX,
    jobLockMs: e.JOB_LOCK_MS,
  };
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
