import { Inject, Injectable } from '@nestjs/common';
import { buildCatalogue, Catalogue, CatalogueEntry, catalogueForYear, ClassificationKind, DomainError, parseCatalogueCsv } from '@budgetflow/domain';
import { DataSource, EntityManager } from 'typeorm';
import { TCaller } from '../../common/auth/caller';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { TCatalogueList, TCatalogueUploadResult } from './dto/catalogue.schema';

interface TEditionRow {
  id: string;
  entries: { code: string; name: string }[];
}

/**
 * Classification catalogues per fiscal year: the newest administrator upload for (year, kind),
 * else the domain's built-in edition. Budgets validate their codes against catalogueFor(year).
 */
@Injectable()
export class CatalogueService {
  private readonly built = new Map<string, Catalogue>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Imports a `code,name` CSV as the new edition of (year, kind); every problem is reported with its line. */
  async importCsv(caller: TCaller, year: number, kind: ClassificationKind, csv: string): Promise<TCatalogueUploadResult> {
    const entries = parseOrExplain(csv, kind);
    return this.dataSource.transaction(async (tx) => {
      const [open] = (await tx.query(`SELECT 1 FROM fiscal_years WHERE year = $1`, [year])) as unknown[];
      if (open === undefined) throw new AppError('VALIDATION_FAILED', `Fiscal year ${year} is not declared`, [{ path: 'year', message: 'declare the fiscal year first (PUT /api/fiscal-years/{year})' }]);
      const stored = entries.map((e) => ({ code: e.code, name: e.name }));
      const [row] = (await tx.query(
        `INSERT INTO catalogue_editions (fiscal_year, kind, entries, entry_count, uploaded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [year, kind, JSON.stringify(stored), stored.length, caller.userId],
      )) as [{ id: string }];
      await this.audit.append(tx, { actor: caller.username, action: 'catalogue.import', entity: 'catalogue-edition', entityId: row.id, payload: { year, kind, entryCount: stored.length } });
      return { editionId: row.id, fiscalYear: year, kind, entryCount: stored.length };
    });
  }

  async list(year: number, kind: ClassificationKind): Promise<TCatalogueList> {
    const edition = await this.currentEdition(this.dataSource.manager, year, kind);
    if (edition !== undefined) {
      return { fiscalYear: year, kind, source: 'upload', editionId: edition.id, entries: [...buildCatalogue(year, kind === 'functional' ? edition.entries.map(toEntry) : [], kind === 'economic' ? edition.entries.map(toEntry) : [])[kind].values()] };
    }
    return { fiscalYear: year, kind, source: 'built-in', editionId: null, entries: [...builtIn(year)[kind].values()] };
  }

  /**
   * The catalogue that applies to budgets of `year`: uploaded lists where there are some, the
   * built-in edition otherwise. Check line codes against this, so that an administrator's
   * upload takes effect. A year before the earliest built-in edition without uploads is 404.
   */
  async catalogueFor(year: number, manager: EntityManager = this.dataSource.manager): Promise<Catalogue> {
    // One after the other: `manager` may be a transaction's, and a transaction has one connection.
    const functional = await this.currentEdition(manager, year, 'functional');
    const economic = await this.currentEdition(manager, year, 'economic');
    if (functional === undefined && economic === undefined) return builtIn(year);
    // Editions never change once stored, so their ids identify the built catalogue.
    const key = `${year}:${functional?.id ?? '-'}:${economic?.id ?? '-'}`;
    const cached = this.built.get(key);
    if (cached !== undefined) return cached;
    const catalogue = buildCatalogue(
      year,
      functional?.entries.map(toEntry) ?? [...builtIn(year).functional.values()],
      economic?.entries.map(toEntry) ?? [...builtIn(year).economic.values()],
    );
    this.built.set(key, catalogue);
    return catalogue;
  }

  private async currentEdition(manager: EntityManager, year: number, kind: ClassificationKind): Promise<TEditionRow | undefined> {
    const rows = (await manager.query(
      `SELECT id, entries FROM catalogue_editions WHERE fiscal_year = $1 AND kind = $2 ORDER BY uploaded_at DESC, id DESC LIMIT 1`,
      [year, kind],
    )) as TEditionRow[];
    return rows[0];
  }
}

function toEntry(e: { code: string; name: string }): CatalogueEntry {
  // Levels and parents are recomputed from the codes by buildCatalogue.
  return { code: e.code, name: e.name, level: 'class' };
}

function builtIn(year: number): Catalogue {
  try {
    return catalogueForYear(year);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CATALOGUE_YEAR_UNKNOWN') throw new AppError('NOT_FOUND', error.message);
    throw error;
  }
}

function parseOrExplain(csv: string, kind: ClassificationKind): CatalogueEntry[] {
  try {
    return parseCatalogueCsv(csv, kind);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CATALOGUE_INVALID') {
      const problems = (error.details?.['problems'] ?? []) as { position: string; code: string; reason: string }[];
      throw new AppError('VALIDATION_FAILED', 'The catalogue CSV has problems', problems.map((p) => ({ path: p.position, message: p.reason })));
    }
    throw error;
  }
}
