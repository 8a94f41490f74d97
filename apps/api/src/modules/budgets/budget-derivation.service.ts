import {
  aggregateLines,
  catalogueForYear,
  checkBudgetTotals,
  countErrors,
  deriveDisclosure,
  MoneyError,
  unitDisclosed,
  validateBudget,
  type Catalogue,
  type LineAggregate,
  type TBudgetDocument,
  type TDisclosure,
  type TFinding,
} from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogueInForce, type TEditionInForce } from '../catalogue/catalogue-in-force';
import { BudgetLinesRepository } from './budget-lines.repository';
import type { TBudgetRow } from './budget-row';
import { exactTotalsOf, totalsOf, type TBudgetTotals } from './budget-totals';
import { LineSnapshots } from './line-snapshots';
import { toExpenditureLine, toIncomeLine, type TDocumentRest } from './mappers/budget-document.mapper';

export interface TDerivation {
  /** The budget version the derivation was made from. */
  derivedVersion: number;
  totals: TBudgetTotals;
  errorCount: number;
  findings: TFinding[];
  disclosure: TDisclosure;
}

/** A derivation as the JSON bytes (UTF-8) the API answers with, made once per version and edition in force. */
export interface TSerializedDerivation {
  version: number;
  /** The edition it was derived under (CatalogueInForce's key): a confirmed upload makes it stale. */
  catalogueKey: string;
  json: Buffer;
}

export interface TDeriveOptions {
  /** The edition in force for the budget's year (default: the shipped one). */
  catalogue?: Catalogue;
  aggregate?: LineAggregate;
}

/**
 * The domain's pure functions over a document, its lines read once for all (or summed already, by
 * whoever keeps their tally): its disclosure tables, its findings, its totals.
 */
export function deriveAll(document: TBudgetDocument, version: number, options: TDeriveOptions = {}): TDerivation {
  const catalogue = options.catalogue ?? catalogueForYear(document.fiscalYear);
  // From the tally when the caller keeps one: the bound is checked without reading 10,000 amounts again.
  const overBudget = checkBudgetTotals(document, options.aggregate);
  if (overBudget.length > 0) {
    // Stored before the schema bounded a budget's totals: its tables would leave the exact range.
    // It shows its exact totals and the finding, which blocks its submission, and empty tables.
    const disclosure = deriveDisclosure({ ...document, incomeLines: [], expenditureLines: [], projects: [] }, catalogue);
    return { derivedVersion: version, totals: exactTotalsOf(document), errorCount: countErrors(overBudget), findings: overBudget, disclosure };
  }
  const aggregate = options.aggregate ?? aggregateLines(document);
  const disclosure = deriveDisclosure(document, catalogue, { aggregate });
  const findings = validateBudget(document, catalogue, { disclosure, aggregate });
  return { derivedVersion: version, totals: totalsOf(document, aggregate), errorCount: countErrors(findings), findings, disclosure };
}

/** How many budgets' derivations a process keeps at hand (a 10,000-line one is about 1.5 MB). */
const RECENT_LIMIT = 16;

/**
 * Derived tables, findings and totals of a budget at its current version. They change only when
 * the version does, or when an administrator puts another edition of the catalogue in force for
 * the budget's year; so they are derived once per (version, edition), stored in budget_derivations as the JSON
 * text that is sent, and the most recent are kept in memory: reading an unchanged budget costs no
 * pass over its lines and no re-serialisation.
 */
@Injectable()
export class BudgetDerivationService {
  private readonly recent = new Map<string, TSerializedDerivation>();
  private readonly snapshots: LineSnapshots;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly lines: BudgetLinesRepository,
    private readonly catalogues: CatalogueInForce,
  ) {
    this.snapshots = new LineSnapshots(lines);
  }

  /** Parsed, for the workflow (a submission freezes it into the revision). */
  async forBudget(budget: Pick<TBudgetRow, 'id' | 'version' | 'fiscal_year'>): Promise<TDerivation> {
    return JSON.parse((await this.serialized(budget)).json.toString('utf8')) as TDerivation;
  }

  async serialized(budget: Pick<TBudgetRow, 'id' | 'version' | 'fiscal_year'>): Promise<TSerializedDerivation> {
    const edition = await this.catalogues.forYear(budget.fiscal_year);
    const hit = this.recent.get(budget.id);
    if (hit !== undefined && hit.version === budget.version && hit.catalogueKey === edition.key) return this.remember(budget.id, hit);
    const rows: { version: number; payload: string }[] = await this.dataSource.query(
      `SELECT version, payload FROM budget_derivations WHERE budget_id = $1 AND version = $2 AND catalogue_key = $3`,
      [budget.id, budget.version, edition.key],
    );
    const stored = rows[0];
    if (stored !== undefined) return this.remember(budget.id, { version: stored.version, catalogueKey: edition.key, json: Buffer.from(stored.payload, 'utf8') });
    return this.remember(budget.id, await this.derive(budget.id, edition));
  }

  private async derive(id: string, edition: TEditionInForce): Promise<TSerializedDerivation> {
    // A repeatable-read snapshot, so the lines and the version we label them with belong together.
    const derived = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const rows: { version: number; fiscal_year: number; lines_replaced_in: number; document: TDocumentRest; unit_code: string | null; unit_name: string | null }[] = await m.query(
        `SELECT b.version, b.fiscal_year, b.lines_replaced_in, b.document, b.unit_code, bu.name AS unit_name FROM budgets b LEFT JOIN budget_units bu ON bu.code = b.unit_code WHERE b.id = $1`,
        [id],
      );
      const row = rows[0];
      if (row === undefined) throw new Error(`budget ${id} vanished`);
      // A unit's budget is derived as its own 单位预算 where the template has a 单位 scope: what it would publish.
      const { unit_code: unitCode, unit_name: unitName } = row;
      const disclosed = (document: TBudgetDocument): TBudgetDocument => (unitCode === null || unitName === null ? document : unitDisclosed(document, { code: unitCode, name: unitName }));
      const lines = { id, fiscal_year: row.fiscal_year };
      const incomeLines = (await this.lines.loadIncome(m, lines)).map(toIncomeLine);
      const at = { budgetId: id, fiscalYear: row.fiscal_year, version: row.version, replacedIn: row.lines_replaced_in };
      const json = await this.snapshots
        .withLinesAt(m, at, incomeLines, (expenditureLines, aggregate) =>
          JSON.stringify(deriveAll(disclosed({ ...row.document, incomeLines, expenditureLines }), row.version, { catalogue: edition.catalogue, aggregate })),
        )
        .catch(async (error: unknown) => {
          // The kept tally refuses a sum past the exact range: deriveAll, given the lines alone, says why.
          if (!(error instanceof MoneyError) || error.code !== 'OUT_OF_RANGE') throw error;
          const expenditureLines = (await this.lines.loadExpenditure(m, lines)).map(toExpenditureLine);
          return JSON.stringify(deriveAll(disclosed({ ...row.document, incomeLines, expenditureLines }), row.version, { catalogue: edition.catalogue }));
        });
      return { version: row.version, json };
    });
    await this.dataSource.transaction(async (m) => {
      // A derivation is a cache of what the lines say: lost in a crash, it is derived again. Its
      // write (a few hundred kB after every burst of edits) need not wait for the disk.
      await m.query(`SET LOCAL synchronous_commit TO off`);
      await m.query(
        `INSERT INTO budget_derivations (budget_id, version, payload, catalogue_key) VALUES ($1, $2, $3, $4)
         ON CONFLICT (budget_id) DO UPDATE SET version = EXCLUDED.version, payload = EXCLUDED.payload, catalogue_key = EXCLUDED.catalogue_key
         WHERE budget_derivations.version < EXCLUDED.version
            OR (budget_derivations.version = EXCLUDED.version AND budget_derivations.catalogue_key <> EXCLUDED.catalogue_key)`,
        [id, derived.version, derived.json, edition.key],
      );
    });
    return { version: derived.version, catalogueKey: edition.key, json: Buffer.from(derived.json, 'utf8') };
  }

  private remember(id: string, derivation: TSerializedDerivation): TSerializedDerivation {
    // Re-inserting moves the entry to the end: the Map's order is the recency order.
    this.recent.delete(id);
    this.recent.set(id, derivation);
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value as string);
    return derivation;
  }
}
