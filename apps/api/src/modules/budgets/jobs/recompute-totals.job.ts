import type { DataSource } from 'typeorm';
import type { TOutboxJobData } from '../../../queue/job-registry';
import { BudgetDerivationService } from '../budget-derivation.service';
import { BudgetLinesRepository } from '../budget-lines.repository';

/**
 * Derives the tables, findings and totals of an edited budget out of band, stored with the version
 * they were derived from (BudgetDerivationService). Every edit leaves a row, but a burst coalesces:
 * a job finding the derivation already at the budget's current version does nothing, so only the
 * jobs that run after a change since the last derivation cost a pass over the lines.
 */
export class RecomputeTotalsJob {
  private readonly derivations: BudgetDerivationService;

  constructor(private readonly dataSource: DataSource) {
    this.derivations = new BudgetDerivationService(dataSource, new BudgetLinesRepository());
  }

  async handle(data: TOutboxJobData): Promise<string> {
    const budgetId = String(data.payload['budgetId']);
    const rows: { version: number; derived: number | null }[] = await this.dataSource.query(
      `SELECT b.version, d.version AS derived FROM budgets b LEFT JOIN budget_derivations d ON d.budget_id = b.id WHERE b.id = $1`,
      [budgetId],
    );
    const row = rows[0];
    let outcome = 'gone';
    if (row !== undefined) {
      outcome = row.derived === row.version ? `current v${row.version}` : `recomputed v${(await this.derivations.serialized({ id: budgetId, version: row.version })).version}`;
    }
    await this.dataSource.query(`UPDATE outbox SET done_at = now() WHERE id = $1 AND done_at IS NULL`, [data.outboxId]);
    return outcome;
  }
}
