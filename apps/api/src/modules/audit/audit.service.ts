import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_PAGE_SQL, TAuditRow, TChainVerdict, verifyAuditChain } from './audit-chain';
import { appendAuditEntry, type TAuditEntry, type TAuditInput } from './audit-append';
import { AuditChainer } from './audit-chainer';

@Injectable()
export class AuditService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly chainer: AuditChainer,
  ) {}

  /**
   * Appends one entry inside the caller's transaction (pass its EntityManager), so the entry
   * commits or rolls back with the change it records. Takes no lock: the entry is linked into the
   * hash chain after its transaction commits, by the chainer, which the commit wakes.
   * Outside a transaction, pass `dataSource.manager`: it then runs in a transaction of its own.
   */
  async append(manager: EntityManager, input: TAuditInput): Promise<TAuditEntry> {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive !== true) {
      return manager.transaction((tx) => this.append(tx, input));
    }
    return appendAuditEntry(manager, input);
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

  /** The auditor's search: every filter optional, `action` matched as a prefix, a page after `afterId`. */
  async search(q: { actor?: string; action?: string; entity?: string; entityId?: string; from?: string; to?: string; afterId?: string; limit: number }): Promise<TAuditEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT id::text AS id, at, actor, action, entity, entity_id AS "entityId", budget_id AS "budgetId", payload, hash
       FROM audit_log
       WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR starts_with(action, $2)) AND ($3::text IS NULL OR entity = $3)
         AND ($4::text IS NULL OR entity_id = $4) AND ($5::timestamptz IS NULL OR at >= $5) AND ($6::timestamptz IS NULL OR at < $6)
         AND id > $7::bigint
       ORDER BY id LIMIT $8`,
      [q.actor ?? null, q.action ?? null, q.entity ?? null, q.entityId ?? null, q.from ?? null, q.to ?? null, q.afterId ?? '0', q.limit],
    )) as (Omit<TAuditEntry, 'at'> & { at: Date })[];
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  /**
   * Recomputes the whole chain (what `pnpm budget audit-verify` does, from inside the app), after
   * chaining every entry committed so far, so that all of them are checked.
   */
  async verifyChain(pageSize = 5000): Promise<TChainVerdict> {
    await this.chainer.flush();
    return verifyAuditChain((after, limit) => this.dataSource.query(AUDIT_PAGE_SQL, [after, limit]) as Promise<TAuditRow[]>, pageSize);
  }
}

export type { TAuditEntry, TAuditInput };
