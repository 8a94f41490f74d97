import { z } from 'zod';

export interface THostPort {
  host: string;
  port: number;
}

/** `host:port,host:port` (REDIS_SENTINELS, REDIS_CLUSTER_NODES): at least one, each with its port. */
export const ZHostPorts = z.string().transform((raw, ctx): THostPort[] => {
  const entries = raw.split(',').map((entry) => entry.trim());
  const parsed = entries.map((entry) => /^([\w.-]+|\[[\da-fA-F:]+\]):(\d{1,5})$/.exec(entry));
  const wrong = entries.filter((_, i) => parsed[i] === null || Number(parsed[i]?.[2]) > 65535 || Number(parsed[i]?.[2]) < 1);
  if (wrong.length > 0) {
    ctx.addIssue({ code: 'custom', message: `not host:port: ${wrong.map((w) => JSON.stringify(w)).join(', ')}` });
    return z.NEVER;
  }
  return parsed.map((match) => ({ host: (match?.[1] ?? '').replace(/^\[|\]$/g, ''), port: Number(match?.[2]) }));
});
