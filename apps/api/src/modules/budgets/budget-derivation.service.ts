import { catalogueForYear, countErrors, deriveDisclosure, validateBudget, type TBudgetDocument, type TDisclosure, type TFinding } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TBudgetRow } from './budget-row';
import { BudgetLinesRepository } from './budget-lines.repository';
import { joinDocument } from './mappers/budget-document.mapper';

export interface TDerivation {
  version: number;
  disclosure: TDisclosure;
  findings: TFinding[];
  errorCount: number;
}

/** The domain's two pure functions over a document: its disclosure tables and its findings. */
export function deriveAll(document: TBudgetDocument): Omit<TDerivation, 'version'> {
  const catalogue = catalogueForYear(document.fiscalYear);
  const disclosure = deriveDisclosure(document, catalogue);
  const findings = validateBudget(document, catalogue, { disclosure });
  return { disclosure, findings, errorCount: countErrors(findings) };
}

/**
 * Derived tables and findings of a budget at its current version. They change only when the
 * version does, so they are computed once per version and kept in budget_derivations; readers of
 * an unchanged budget pay one row read instead of a pass over every line.
 */
@Injectable()
export class BudgetDerivationService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly lines: BudgetLinesRepository,
  ) {}

  async forBudget(budget: Pick<TBudgetRow, 'id' | 'version'>): Promise<TDerivation> {
    const cached = await this.cached(budget.id, budget.version);
    if (cached !== undefined) return cached;
    // A repeatable-read snapshot, so the lines and the version we label them with belong together.
    const derivation = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const rows: (Pick<TBudgetRow, 'version' | 'document'>)[] = await m.query(`SELECT version, document FROM budgets WHERE id = $1`, [budget.id]);
      const row = rows[0];
      if (row === undefined) throw new Error(`budget ${budget.id} vanished`);
      const [expenditure, income] = await Promise.all([this.lines.loadExpenditure(m, budget.id), this.lines.loadIncome(m, budget.id)]);
      return { version: row.version, ...deriveAll(joinDocument(row.document, expenditure, income)) };
    });
    await this.dataSource.query(
      `INSERT INTO budget_derivations (budget_id, version, disclosure, findings, error_count) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (budget_id) DO UPDATE SET version = EXCLUDED.version, disclosure = EXCLUDED.disclosure,
         findings = EXCLUDED.findings, error_count = EXCLUDED.error_count
       WHERE budget_derivations.version < EXCLUDED.version`,
      [budget.id, derivation.version, JSON.stringify(derivation.disclosure), JSON.stringify(derivation.findings), derivation.errorCount],
    );
    return derivation;
  }

  private async cached(id: string, version: number): Promise<TDerivation | undefined> {
    const rows: { disclosure: TDisclosure; findings: TFinding[]; error_count: number }[] = await this.dataSource.query(
      `SELECT disclosure, findings, error_count FROM budget_derivations WHERE budget_id = $1 AND version = $2`,
      [id, version],
    );
    const row = rows[0];
    return row === undefined ? undefined : { version, disclosure: row.disclosure, findings: row.findings, errorCount: row.error_count };
  }
}
