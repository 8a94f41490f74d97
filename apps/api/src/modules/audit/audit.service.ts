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
