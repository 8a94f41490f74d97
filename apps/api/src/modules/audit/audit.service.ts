import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_PAGE_SQL, GENESIS_HASH, hashAuditEntry, TAuditRow, TChainVerdict, verifyAuditChain } from './audit-chain';

/** Fixed key of the advisory lock that serialises appends, so the chain never forks. */
const AUDIT_CHAIN_LOCK_KEY = 7_400_202_002;

export interface TAuditInput {
  /** Username of the person acting, or 'anonymous' / 'system'. */
  actor: string;
  /** Dotted verb, e.g. 'auth.login', 'budget.submit', 'budget.lines.edit'. */
  action: string;
  entity: string;
  entityId: string;
  budgetId?: string | null;
  /** Ids and facts, not personal data; must be JSON (money as strings). */
  payload?: Record<string, unknown>;
}

export interface TAuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  budgetId: string | null;
  payload: Record<string, unknown>;
  hash: string;
}

@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Appends one entry inside the caller's transaction (pass its EntityManager), so the entry
   * commits or rolls back with the change it records. Takes a transaction-scoped advisory lock
   * held until commit: call it as the LAST statement of your transaction to keep the lock short.
   * Requires READ COMMITTED (the default) so the chain head read after the lock is current.
   * Outside a transaction, pass `dataSource.manager`: it then runs in a transaction of its own.
   */
  async append(manager: EntityManager, input: TAuditInput): Promise<TAuditEntry> {
    if (manager.queryRunner?.isTransactionActive !== true) {
      return manager.transaction((tx) => this.append(tx, input));
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    const head = (await manager.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')) as { hash: string }[];
    const [{ id }] = (await manager.query(`SELECT nextval('audit_log_id_seq')::text AS id`)) as [{ id: string }];
    // Millisecond precision, so the timestamp survives the round trip through timestamptz exactly.
    const at = new Date(Date.now());
    const row: Omit<TAuditRow, 'hash'> = {
      id,
      at,
      actor: input.actor,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      budgetId: input.budgetId ?? null,
      payload: normalisePayload(input.payload ?? {}),
      prevHash: head[0]?.hash ?? GENESIS_HASH,
    };
    const hash = hashAuditEntry(row);
    await manager.query(
      `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, budget_id, payload, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, at, row.actor, row.action, row.entity, row.entityId, row.budgetId, JSON.stringify(row.payload), row.prevHash, hash],
    );
    return { id, at: at.toISOString(), actor: row.actor, action: row.action, entity: row.entity, entityId: row.entityId, budgetId: row.budgetId, payload: row.payload as Record<string, unknown>, hash };
  }

  /**
   * The entries of one budget, oldest first. The caller must have checked that the budget is
   * visible to the requester (assertVisible) before calling.
   */
  async listForBudget(budgetId: string, page: { afterId?: string; limit: number }): Promise<TAuditEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT id::text AS id, at, actor, action, entity, entity_id AS "entityId", budget_id AS "budgetId", payload, hash
       FROM audit_log WHERE budget_id = $1 AND audit_log.id > $2::bigint ORDER BY audit_log.id LIMIT $3`,
      [budgetId, page.afterId ?? '0', page.limit],
    )) as (Omit<TAuditEntry, 'at'> & { at: Date })[];
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  /** Recomputes the whole chain (what `pnpm budget audit-verify` does, from inside the app). */
  async verifyChain(pageSize = 5000): Promise<TChainVerdict> {
    return verifyAuditChain((afterId, limit) => this.dataSource.query(AUDIT_PAGE_SQL, [afterId, limit]) as Promise<TAuditRow[]>, pageSize);
  }
}

/** What jsonb will give back: a JSON round trip drops undefined and turns Dates into strings. */
function normalisePayload(payload: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(payload)) as unknown;
}
