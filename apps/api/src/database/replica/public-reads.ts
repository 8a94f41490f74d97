import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { ReplicaFreshness } from './replica-freshness';

/** How often the replica's distance behind the primary is read again (at most; only while reads come). */
const CHECK_EVERY_MS = 1_000;

export type TReplicaState = 'none' | 'used' | 'behind' | 'down';

/**
 * Where the public's reads go (the portal, the published disclosures, open data): to the read replica
 * (DATABASE_REPLICA_URL) while it is no further behind than `maxLagMs`, else to the primary. Nothing
 * that reads before it writes comes here: the workflow, the editor and the desks read the primary.
 * A request never waits on the replica's check: it is refreshed beside the reads, and until its
 * first answer the primary serves.
 */
export class PublicReads {
  private readonly logger = new Logger(PublicReads.name);
  private readonly freshness = new ReplicaFreshness();
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | undefined;
  private up = false;
  private lastState: TReplicaState | undefined;

  constructor(
    private readonly primary: DataSource,
    private readonly replica: DataSource | undefined,
    private readonly maxLagMs: number,
  ) {}

  /** The manager a public read runs on now. */
  manager(): EntityManager {
    const state = this.state();
    return state === 'used' && this.replica !== undefined ? this.replica.manager : this.primary.manager;
  }

  /** A public read: on the replica when it serves; on the primary if the replica fails it midway. */
  async read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const m = this.manager();
    if (m === this.primary.manager) return work(m);
    try {
      return await work(m);
    } catch (error) {
      this.logger.warn(`read replica failed a read, the primary answers it: ${String(error)}`);
      this.up = false;
      return work(this.primary.manager);
    }
  }

  /**
   * A read of one thing that may be new (a disclosure just published, its digest just written): what
   * the replica has not got yet is looked for on the primary, so nobody is told "not found" for it.
   */
  async one<T>(work: (m: EntityManager) => Promise<T | undefined>): Promise<T | undefined> {
    return (await this.read(work)) ?? (this.manager() === this.primary.manager ? undefined : work(this.primary.manager));
  }

  /** Whether the replica serves now, and if not why (for /api/health). */
  state(): TReplicaState {
    if (this.replica === undefined) return 'none';
    if (Date.now() - this.checkedAt >= CHECK_EVERY_MS) this.checking ??= this.check().finally(() => (this.checking = undefined));
    const state: TReplicaState = !this.up ? 'down' : this.freshness.lagMs(Date.now()) <= this.maxLagMs ? 'used' : 'behind';
    if (state !== this.lastState && this.lastState !== undefined) this.logger.warn(`read replica: ${this.lastState} -> ${state}`);
    this.lastState = state;
    return state;
  }

  /** Closes the replica's pool (the primary is the app's to close). */
  async close(): Promise<void> {
    await this.checking;
    if (this.replica?.isInitialized === true) await this.replica.destroy();
  }

  private async check(): Promise<void> {
    const replica = this.replica;
    if (replica === undefined) return;
    this.checkedAt = Date.now();
    try {
      if (!replica.isInitialized) await replica.initialize();
      const at = Date.now();
      const [primary] = (await this.primary.query(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS lsn`)) as { lsn: string }[];
      this.freshness.observePrimary(at, BigInt(primary?.lsn ?? '0'));
      const [standby] = (await replica.query(
        `SELECT CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::text END AS lsn`,
      )) as { lsn: string | null }[];
      this.freshness.observeReplica(Date.now(), standby?.lsn == null ? null : BigInt(standby.lsn));
      this.up = true;
    } catch (error) {
      if (this.up || this.lastState === undefined) this.logger.warn(`read replica does not answer: ${String(error)}`);
      this.up = false;
    }
  }
}
