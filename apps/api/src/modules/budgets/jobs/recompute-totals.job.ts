import type { DataSource } from 'typeorm';
import type { TOutboxJobData } from '../../../queue/job-registry';
import { CatalogueInForce } from '../../catalogue/catalogue-in-force';
import { BudgetDerivationService } from '../budget-derivation.service';
import { BudgetLinesRepository } from '../budget-lines.repository';

/** Where a budget stands for its totals job: its version, the derived one, and whether a later edit's job is still to run. */
interface TBudgetStanding {
  version: number;
  fiscal_year: number;
  derived: number | null;
  superseded: boolean;
}

/**
 * Derives the tables, findings and totals of an edited budget out of band, stored with the version
 * they were derived from (BudgetDerivationService). Every edit leaves an outbox row, but a burst
 * coalesces: a job with a later edit's row still to run leaves the work to that row's job (held
 * back like it, so it runs after the burst), and a job finding the derivation already current does
 * nothing. A burst of edits costs the last one's recompute.
 */
export class RecomputeTotalsJob {
  private readonly derivations: BudgetDerivationService;

  constructor(private readonly dataSource: DataSource) {
    this.derivations = new BudgetDerivationService(dataSource, new BudgetLinesRepository(), new CatalogueInForce(dataSource));
  }

  async handle(data: TOutboxJobData): Promise<string> {
    const budgetId = String(data.payload['budgetId']);
    const rows: TBudgetStanding[] = await this.dataSource.query(
      `SELECT b.version, b.fiscal_year, d.version AS derived,
              EXISTS (SELECT 1 FROM outbox o WHERE o.id > $2 AND o.done_at IS NULL AND o.topic = 'budget.totals' AND o.payload->>'budgetId' = b.id::text) AS superseded
       FROM budgets b LEFT JOIN budget_derivations d ON d.budget_id = b.id WHERE b.id = $1`,
      [budgetId, data.outboxId],
    );
    const outcome = await this.recompute(budgetId, rows[0]);
    await this.dataSource.query(`UPDATE outbox SET done_at = now() WHERE id = $1 AND done_at IS NULL`, [data.outboxId]);
    return outcome;
  }

  private async recompute(budgetId: string, budget: TBudgetStanding | undefined): Promise<string> {
    if (budget === undefined) return 'gone';
    if (budget.derived === budget.version) return `current v${budget.version}`;
    if (budget.superseded) return `superseded at v${budget.version}`;
    return `recomputed v${(await this.derivations.serialized({ id: budgetId, version: budget.version, fiscal_year: budget.fiscal_year })).version}`;
  }
}
