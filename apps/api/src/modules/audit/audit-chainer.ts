import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { AUDIT_APPENDED } from './audit-append';
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
const GATHER_MS = 25;


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
      let busy = false;
      this.running = chainRounds(this.dataSource, false)
        .then((outcome) => void (busy = outcome === 'busy'))
        .catch((error: unknown) =>
          this.logger.error(`audit chaining failed, retried at the next sweep: ${String(error)}`),
        )
        .finally(() => {
          this.running = undefined;
          const again = this.again;
          this.again = false;
          if (busy) this.soon(RETRY_MS);
          else if (again) this.soon();
        });
    }, delayMs);
  }

  /** Chains every entry committed before this call (waiting for another chainer if one runs). */
  async flush(): Promise<void> {
    await this.running;
    await chainCommitted(this.dataSource);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    clearTimeout(this.timer);
    await this.running;
    const index = this.dataSource.subscribers.indexOf(this.onCommit);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }
}

/**
 * Chains every entry committed before the call, waiting for another chainer if one runs: for the
 * jobs (which have no AuditChainer of their own) before they sign the chain's head.
 */
export async function chainCommitted(dataSource: DataSource): Promise<void> {
  await chainRounds(dataSource, true);
}

/** Rounds until no committed entry is left unchained; 'busy' when another process chains (never with `wait`: it waits). */
async function chainRounds(dataSource: DataSource, wait: boolean): Promise<'done' | 'busy'> {
  // One indexed look first: the sweep and the wake-ups that find nothing open no transaction.
  const [{ pending }] = (await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM audit_log WHERE chain_no IS NULL) AS pending`,
  )) as [{ pending: boolean }];
  if (!pending) return 'done';
  for (;;) {
    const linked = await chainRound(dataSource, wait);
    if (linked === 'busy') return 'busy';
    if (linked < BATCH) return 'done';
  }
}

/** One round in four statements: the lock (and no waiting for the disk), the rows with the head, their links. */
function chainRound(dataSource: DataSource, wait: boolean): Promise<number | 'busy'> {
  return dataSource.transaction(async (m) => {
    const lock = wait ? 'pg_advisory_xact_lock($1) IS NULL' : 'pg_try_advisory_xact_lock($1)';
    const [{ locked }] = (await m.query(
      `SELECT ${lock} AS locked, set_config('synchronous_commit', 'off', true)`,
      [AUDIT_CHAIN_LOCK_KEY],
    )) as [{ locked: boolean }];
    if (!wait && !locked) return 'busy';
    // After the lock, so the head is the one the previous round committed.
    const rows = (await m.query(
      `WITH head AS (SELECT chain_no, hash FROM audit_log WHERE chain_no IS NOT NULL ORDER BY chain_no DESC LIMIT 1)
         SELECT id::text AS id, at, actor, action, entity, entity_id AS "entityId", budget_id AS "budgetId", payload,
                (SELECT chain_no::text FROM head) AS "headNo", (SELECT hash FROM head) AS "headHash"
         FROM audit_log WHERE chain_no IS NULL ORDER BY id LIMIT $1`,
      [BATCH],
    )) as (TUnchainedRow & { headNo: string | null; headHash: string | null })[];
    const first = rows[0];
    if (first === undefined) return 0;
    const head =
      first.headNo === null || first.headHash === null
        ? undefined
        : { chainNo: first.headNo, hash: first.headHash };
    const links = linkAfter(
      head,
      rows.map(({ headNo: _no, headHash: _hash, ...row }) => row),
    );
    await m.query(
      `UPDATE audit_log a SET chain_no = t.chain_no, prev_hash = t.prev_hash, hash = t.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS t(id, chain_no, prev_hash, hash)
         WHERE a.id = t.id`,
      [
        links.map((l) => l.id),
        links.map((l) => l.chainNo),
        links.map((l) => l.prevHash),
        links.map((l) => l.hash),
      ],
    );
    return rows.length;
  });
}
