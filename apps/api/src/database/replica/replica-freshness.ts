/**
 * How far behind its primary a streaming replica is, told by WAL positions rather than by the
 * replica's last replayed transaction time (which stands still on an idle primary, and keeps
 * saying "caught up" when the replica has lost its primary): the primary's WAL position is sampled
 * with the time it was read; once the replica has replayed past a sample, it holds everything
 * committed before that time.
 */
export class ReplicaFreshness {
  /** The primary's positions not yet replayed, oldest first. */
  private pending: { at: number; lsn: bigint }[] = [];
  /** Everything the primary committed before this time is on the replica. */
  private freshAsOf = Number.NEGATIVE_INFINITY;

  /** The primary's current WAL position (pg_current_wal_lsn), read at `at`. */
  observePrimary(at: number, lsn: bigint): void {
    this.pending.push({ at, lsn });
  }

  /**
   * The replica's replayed position (pg_last_wal_replay_lsn), read after the primary's; null when it
   * is not in recovery (a server that is no standby holds what it holds as of now).
   */
  observeReplica(at: number, replayed: bigint | null): void {
    if (replayed === null) {
      this.pending = [];
      this.freshAsOf = at;
      return;
    }
    while (this.pending.length > 0 && (this.pending[0]?.lsn ?? 0n) <= replayed) {
      this.freshAsOf = Math.max(this.freshAsOf, this.pending.shift()?.at ?? this.freshAsOf);
    }
  }

  /** How stale the replica may be at `now`, in ms: infinite until a sample was replayed. */
  lagMs(now: number): number {
    return now - this.freshAsOf;
  }
}
