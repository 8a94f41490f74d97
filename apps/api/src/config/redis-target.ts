import type { THostPort } from './host-ports.schema';

/**
 * Which Redis the queues use: one server (REDIS_URL), a master found through Sentinel
 * (REDIS_SENTINELS, REDIS_SENTINEL_MASTER) or a Cluster (REDIS_CLUSTER_NODES). With Sentinel or Cluster,
 * REDIS_URL still gives the password (and, for Sentinel, the database number).
 */
export type TRedisTarget =
  | { readonly kind: 'standalone'; readonly url: string }
  | { readonly kind: 'sentinel'; readonly url: string; readonly sentinels: readonly THostPort[]; readonly masterName: string }
  | { readonly kind: 'cluster'; readonly url: string; readonly nodes: readonly THostPort[] };

/** For logs: where the queues' Redis is, without its password. */
export function describeRedisTarget(target: TRedisTarget, maskUrl: (url: string) => string): string {
  const list = (nodes: readonly THostPort[]): string => nodes.map((n) => `${n.host}:${n.port}`).join(',');
  switch (target.kind) {
    case 'standalone':
      return maskUrl(target.url);
    case 'sentinel':
      return `master "${target.masterName}" of sentinels ${list(target.sentinels)}`;
    case 'cluster':
      return `cluster ${list(target.nodes)}`;
  }
}
