import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_PAGE_SQL, TAuditRow, TChainVerdict, verifyAuditChain } from './audit-chain';
import { appendAuditEntry, type TAuditEntry, type TAuditInput } from './audit-append';
import { AuditChainer } from './audit-chainer';
import { namesOfIds } from './audit-names';
import type { TAuditPage, TAuditSearch } from './dto/audit-search.schema';

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

  /** The trail newest first, filtered and paged by id (keyset, so a deep page costs what the first does). */
  async search(filter: TAuditSearch): Promise<TAuditPage> {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      args.push(value);
      where.push(sql.replace('?', `$${args.length}`));
    };
    if (filter.actor !== undefined) add('actor = ?', filter.actor);
    if (filter.action !== undefined) add(`action LIKE ? || '%'`, filter.action.replace(/[\\%_]/g, (c) => `\\${c}`));
    if (filter.entity !== undefined) add('entity = ?', filter.entity);
    if (filter.entityId !== undefined) add('entity_id = ?', filter.entityId);
    if (filter.budgetId !== undefined) add('budget_id = ?', filter.budgetId);
    if (filter.from !== undefined) add('at >= ?', filter.from);
    if (filter.to !== undefined) add('at < ?', filter.to);
    if (filter.before !== undefined) add('audit_log.id < ?::bigint', filter.before);
    args.push(filter.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT id::text AS id, at, actor, action, entity, entity_id AS "entityId", budget_id AS "budgetId", payload, hash
       FROM audit_log ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY audit_log.id DESC LIMIT $${args.length}`,
      args,
    )) as (Omit<TAuditEntry, 'at'> & { at: Date })[];
    const entries = rows.slice(0, filter.limit).map((r) => ({ ...r, at: r.at.toISOString() }));
    const names = await namesOfIds(this.dataSource, entries);
    return { entries, names, next: rows.length > filter.limit ? (entries.at(-1)?.id ?? null) : null };
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
