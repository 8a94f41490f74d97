import { ReplicaFreshness } from './replica-freshness';

describe('ReplicaFreshness', () => {
  it('is unknown, so too far behind, until the replica has replayed a position of the primary', () => {
    const f = new ReplicaFreshness();
    expect(f.lagMs(1_000)).toBe(Number.POSITIVE_INFINITY);
    f.observePrimary(1_000, 500n);
    f.observeReplica(1_001, 499n);
    expect(f.lagMs(1_002)).toBe(Number.POSITIVE_INFINITY);
    f.observeReplica(1_010, 500n);
    expect(f.lagMs(1_500)).toBe(500);
  });

  it('stays fresh on an idle primary whose position does not move', () => {
    const f = new ReplicaFreshness();
    for (let at = 0; at <= 10_000; at += 1_000) {
      f.observePrimary(at, 700n);
      f.observeReplica(at + 5, 700n);
    }
    expect(f.lagMs(10_100)).toBe(100);
  });

  it('grows while the replica stands still behind a primary that writes, and catches up at once', () => {
    const f = new ReplicaFreshness();
    f.observePrimary(0, 100n);
    f.observeReplica(1, 100n);
    for (let at = 1_000; at <= 5_000; at += 1_000) {
      f.observePrimary(at, BigInt(100 + at));
      f.observeReplica(at + 1, 100n);
    }
    expect(f.lagMs(5_002)).toBe(5_002);
    f.observePrimary(6_000, 6_100n);
    f.observeReplica(6_001, 5_100n);
    // Past every sample up to 5,000 ms, not yet the one of 6,000 ms.
    expect(f.lagMs(6_002)).toBe(1_002);
    f.observeReplica(6_100, 6_100n);
    expect(f.lagMs(6_200)).toBe(200);
  });

  it('takes a server that is not in recovery as holding everything as of its reading', () => {
    const f = new ReplicaFreshness();
    f.observePrimary(0, 100n);
    f.observeReplica(10, null);
    expect(f.lagMs(50)).toBe(40);
  });
});
