import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { linkAfter, type TAuditRow } from './audit-chain';

/** Fixed key of the advisory lock that lets one chainer at a time (of all processes) extend the chain. */
const AUDIT_CHAIN_LOCK_KEY = 7_400_202_002;
/** Entries linked per round: one UPDATE, bounded so that a backlog is worked off in short transactions. */
const BATCH = 1_000;
/** A sweep now and then chains what other processes committed, or what a missed wake-up left. */
const SWEEP_MS = 1_000;
/** When another process holds the chain, try again after this. */
const RETRY_MS = 50;
/** A commit wakes the chainer this much later, so that one round links the entries of a burst of commits. */
const GATHER_MS = 10;

/** The QueryRunner.data flag an append sets, so its transaction's commit wakes the chainer. */
export const AUDIT_APPENDED = 'auditAppended';

type TUnchainedRow = Omit<TAuditRow, 'hash' | 'chainNo' | 'prevHash'>;

/**
 * Links committed audit entries into the hash chain, after their transactions commit, so that no
 * writing transaction holds a global lock (see migration 1797200200000). One round, in a transaction
 * of its own under an advisory lock (one chainer at a time across processes): read the head, read the
 * entries not chained yet in id order, give them the next places and their hashes. An entry whose
 * transaction commits after a round read is chained by the next round: the chain's order is the order
 * in which entries were chained, and the verifier walks it by place.
 *
 * Woken by the commit of a transaction that appended (TypeORM's afterTransactionCommit), and by a
 * sweep every second. A chaining round commits without waiting for the disk: a round lost in a crash
 * leaves its entries unchained, and the next round links them again from the data.
 */
@Injectable()
export class AuditChainer implements OnModuleDestroy {
  private readonly logger = new Logger(AuditChainer.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly sweep: NodeJS.Timeout;
  private readonly onCommit: EntitySubscriberInterface = {
    afterTransactionCommit: (event: TransactionCommitEvent) => {
      const runner = event.queryRunner;
      // A savepoint's release also "commits": only the outermost commit makes the entries visible.
      if (runner.isTransactionActive || runner.data?.[AUDIT_APPENDED] !== true) return;
      runner.data[AUDIT_APPENDED] = false;
      this.soon(GATHER_MS);
    },
  };

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this.onCommit);
    this.sweep = setInterval(() => this.soon(), SWEEP_MS).unref();
  }

  /** Asks for a round as soon as the current one (if any) is done. */
  soon(delayMs = 0): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.running = this.rounds(false)
        .catch((error: unknown) => this.logger.error(`audit chaining failed, retried at the next sweep: ${String(error)}`))
        .finally(() => {
          this.running = undefined;
          if (this.again) {
            this.again = false;
            this.soon();
          }
        });
    }, delayMs);
  }

  /** Chains every entry committed before this call (waiting for another chainer if one runs). */
  async flush(): Promise<void> {
    await this.running;
    await this.rounds(true);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    clearTimeout(this.timer);
    await this.running;
    const index = this.dataSource.subscribers.indexOf(this.onCommit);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** Rounds until no committed entry is left unchained; gives up quietly when another process chains (unless `wait`). */
  private async rounds(wait: boolean): Promise<void> {
    for (;;) {
      const linked = await this.round(wait);
      if (linked === 'busy') {
        this.soon(RETRY_MS);
        return;
      }
      if (linked < BATCH) return;
    }
  }

  private round(wait: boolean): Promise<number | 'busy'> {
    return this.dataSource.transaction(async (m) => {
      if (wait) {
        await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
      } else {
        const [{ locked }] = (await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [AUDIT_CHAIN_LOCK_KEY])) as [{ locked: boolean }];
        if (!locked) return 'busy';
      }
      const rows = (await m.query(
        `SELECT id::text AS id, at, actor, action, entity, entity_id AS "entityId", budget_id AS "budgetId", payload
         FROM audit_log WHERE chain_no IS NULL ORDER BY id LIMIT $1`,
        [BATCH],
      )) as TUnchainedRow[];
      if (rows.length === 0) return 0;
      const [head] = (await m.query(`SELECT chain_no::text AS "chainNo", hash FROM audit_log WHERE chain_no IS NOT NULL ORDER BY chain_no DESC LIMIT 1`)) as { chainNo: string; hash: string }[];
      const links = linkAfter(head, rows);
      await m.query('SET LOCAL synchronous_commit = off');
      await m.query(
        `UPDATE audit_log a SET chain_no = t.chain_no, prev_hash = t.prev_hash, hash = t.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS t(id, chain_no, prev_hash, hash)
         WHERE a.id = t.id`,
        [links.map((l) => l.id), links.map((l) => l.chainNo), links.map((l) => l.prevHash), links.map((l) => l.hash)],
      );
      return rows.length;
    });
  }
}
