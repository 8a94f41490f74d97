import { ConfigError, loadConfig, maskUrl } from './load-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: undefined, redisUrl: 'redis://127.0.0.1:6379', port: 3000, mode: 'demo', demoPassword: 'demo-password', dataDir: '.data', sessionTtlMinutes: 480 });
    // Stable across restarts, so a demo's cookie sessions keep working.
    expect(config.sessionSecret).toHaveLength(64);
    expect(loadConfig({}).sessionSecret).toBe(config.sessionSecret);
  });

  it('reads and converts what is set; empty values count as unset', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/bf', PORT: '8080', BUDGETFLOW_MODE: 'production', SESSION_SECRET: 's'.repeat(32), DEMO_PASSWORD: '', REDIS_URL: '', AUDIT_SIGNING_KEY_FILE: '/run/secrets/audit.pem' });
    expect(config).toMatchObject({ databaseUrl: 'postgresql://u:p@db:5432/bf', port: 8080, mode: 'production', sessionSecret: 's'.repeat(32), demoPassword: 'demo-password', redisUrl: 'redis://127.0.0.1:6379' });
  });

  it('names every wrong variable and why, in one message', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', BUDGETFLOW_MODE: 'staging', SESSION_SECRET: 'short', DEMO_PASSWORD: 'abc' });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/BUDGETFLOW_MODE: /);
    expect(message).toMatch(/SESSION_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/DEMO_PASSWORD: must be at least 8 characters/);
  });

  it('production refuses to start without its own SESSION_SECRET', () => {
    expect(() => loadConfig({ BUDGETFLOW_MODE: 'production' })).toThrow('SESSION_SECRET: required when BUDGETFLOW_MODE=production');
  });

  it('production refuses to start without an audit signing key of its own; demo generates one under the data directory', () => {
    expect(() => loadConfig({ BUDGETFLOW_MODE: 'production', SESSION_SECRET: 's'.repeat(32) })).toThrow('AUDIT_SIGNING_KEY_FILE: required when BUDGETFLOW_MODE=production');
    expect(loadConfig({ BUDGETFLOW_DATA_DIR: '/srv/bf' }).auditKey).toEqual({ pem: undefined, file: '/srv/bf/audit-signing-key.pem', generateIfAbsent: true });
    expect(loadConfig({ BUDGETFLOW_MODE: 'production', SESSION_SECRET: 's'.repeat(32), AUDIT_SIGNING_KEY_FILE: '/k.pem' }).auditKey.generateIfAbsent).toBe(false);
  });

  it('two-factor sign-in is required in production unless switched off, optional in demo unless switched on', () => {
    const production = { BUDGETFLOW_MODE: 'production', SESSION_SECRET: 's'.repeat(32), AUDIT_SIGNING_KEY_FILE: '/k.pem' };
    expect(loadConfig(production).totpRequired).toBe(true);
    expect(loadConfig({ ...production, TOTP_REQUIRED: 'false' }).totpRequired).toBe(false);
    expect(loadConfig({}).totpRequired).toBe(false);
    expect(loadConfig({ TOTP_REQUIRED: 'true' }).totpRequired).toBe(true);
  });

  it('refuses ports out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: /);
  });

  it('TRUST_PROXY: false by default, else a hop count or the proxies\' addresses, CIDRs and range names', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8 ,192.0.2.7' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
  });

  it('TRUST_PROXY refuses "true" and names what is not an address, a CIDR or a range name', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: "true" would believe any client's X-Forwarded-For/);
    expect(() => loadConfig({ TRUST_PROXY: 'loopback,nginx,10.0.0.0/33,1.2.3' })).toThrow(/TRUST_PROXY: not false, a hop count, .*: "nginx", "10.0.0.0\/33", "1.2.3"$/);
  });

  it('Redis: REDIS_URL alone, or Sentinel (sentinels and master name), or Cluster (nodes, and a hash-tagged queue prefix)', () => {
    expect(loadConfig({}).redis).toEqual({ kind: 'standalone', url: 'redis://127.0.0.1:6379' });
    expect(loadConfig({ REDIS_SENTINELS: 's1:26379, 10.0.0.2:26380', REDIS_SENTINEL_MASTER: 'bf-main', REDIS_URL: 'redis://:pw@ignored:6379/2' }).redis).toEqual({
      kind: 'sentinel',
      url: 'redis://:pw@ignored:6379/2',
      sentinels: [{ host: 's1', port: 26379 }, { host: '10.0.0.2', port: 26380 }],
      masterName: 'bf-main',
    });
    const cluster = loadConfig({ REDIS_CLUSTER_NODES: 'r1:7000,r2:7001', QUEUE_PREFIX: 'province' });
    expect(cluster.redis).toEqual({ kind: 'cluster', url: 'redis://127.0.0.1:6379', nodes: [{ host: 'r1', port: 7000 }, { host: 'r2', port: 7001 }] });
    // Every key of a queue in one slot: BullMQ's scripts touch several keys at once.
    expect(cluster.queuePrefix).toBe('{province}');
    expect(loadConfig({ QUEUE_PREFIX: 'province' }).queuePrefix).toBe('province');
  });

  it('refuses Sentinel and Cluster together, and a node without its port', () => {
    expect(() => loadConfig({ REDIS_SENTINELS: 's1:26379', REDIS_CLUSTER_NODES: 'r1:7000' })).toThrow(/REDIS_SENTINELS, REDIS_CLUSTER_NODES: set one of them/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'r1:7000,r2' })).toThrow(/REDIS_CLUSTER_NODES: not host:port: "r2"/);
    expect(() => loadConfig({ REDIS_SENTINELS: 's1:99999' })).toThrow(/REDIS_SENTINELS: not host:port: "s1:99999"/);
  });

  it('metrics and the jobs of the API: off without a token, API_RUNS_JOBS true by default', () => {
    expect(loadConfig({})).toMatchObject({ metricsToken: undefined, workerPort: undefined, apiRunsJobs: true });
    expect(loadConfig({ METRICS_TOKEN: 't'.repeat(16), WORKER_PORT: '9464', API_RUNS_JOBS: 'false' })).toMatchObject({ metricsToken: 't'.repeat(16), workerPort: 9464, apiRunsJobs: false });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  });

  it('a read replica: none by default; its URL with a lag bound of 5 s unless set; a URL that is not PostgreSQL refused', () => {
    expect(loadConfig({}).replica).toBeUndefined();
    expect(loadConfig({ DATABASE_REPLICA_URL: 'postgres://ro@replica:5432/bf' }).replica).toEqual({ url: 'postgres://ro@replica:5432/bf', maxLagMs: 5000 });
    expect(loadConfig({ DATABASE_REPLICA_URL: 'postgres://ro@replica:5432/bf', REPLICA_MAX_LAG_MS: '250' }).replica?.maxLagMs).toBe(250);
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'mysql://replica/bf' })).toThrow(/DATABASE_REPLICA_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => loadConfig({ REPLICA_MAX_LAG_MS: '-1' })).toThrow(/REPLICA_MAX_LAG_MS/);
  });

  it('masks passwords in URLs for logs', () => {
    expect(maskUrl('postgres://budget:s3cret@db:5432/bf')).toBe('postgres://budget:***@db:5432/bf');
    expect(maskUrl('not a url')).toBe('(unparseable URL)');
  });
});
