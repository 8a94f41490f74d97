import { Inject, Injectable } from '@nestjs/common';
import {
  catalogueFromEdition,
  catalogueList,
  diffCatalogues,
  DomainError,
  editionOf,
  parseCatalogueUpload,
  type Catalogue,
  type CatalogueList,
  type CatalogueUploadLists,
  type UploadProblem,
} from '@budgetflow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { AppError, notFound } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { CatalogueInForce, type TEditionInForce as TInForce } from './catalogue-in-force';
import { CatalogueUploadsRepository } from './catalogue-uploads.repository';
import type { TCatalogueList, TConfirmResult, TEditionInForce, TUploadPreview } from './dto/catalogue.schema';

/**
 * The classification catalogue of each fiscal year: an administrator uploads the official lists,
 * sees what they change against the edition in force, and confirms; from then on that complete
 * edition is the one budgets of the year are validated and derived under (CatalogueInForce).
 */
@Injectable()
export class CatalogueService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uploads: CatalogueUploadsRepository,
    private readonly inForce: CatalogueInForce,
  ) {}

  /** Stores the upload (not yet in force) and answers what confirming it would change. */
  async upload(caller: TCaller, year: number, lists: CatalogueUploadLists): Promise<TUploadPreview> {
    const catalogue = parseOrExplain(year, lists);
    return this.dataSource.transaction(async (tx) => {
      const [open] = (await tx.query(`SELECT 1 FROM fiscal_years WHERE year = $1`, [year])) as unknown[];
      if (open === undefined) throw new AppError('VALIDATION_FAILED', `Fiscal year ${year} is not declared`, [{ path: 'year', message: 'declare the fiscal year first (PUT /api/fiscal-years/{year})' }]);
      const id = await this.uploads.insert(tx, year, editionOf(catalogue), caller.userId);
      const preview = await this.previewOf(tx, id, year, catalogue, false);
      await this.audit.append(tx, { actor: caller.username, action: 'catalogue.upload', entity: 'catalogue-upload', entityId: id, payload: { year, counts: preview.counts } });
      return preview;
    });
  }

  async preview(year: number, uploadId: string): Promise<TUploadPreview> {
    const m = this.dataSource.manager;
    const row = await this.uploads.find(m, year, uploadId);
    if (row === undefined) throw notFound('Catalogue upload');
    return this.previewOf(m, row.id, year, catalogueFromEdition(row.edition), row.confirmed_at !== null);
  }

  /** Puts the upload in force for its year; confirming one twice is a conflict. */
  async confirm(caller: TCaller, year: number, uploadId: string): Promise<TConfirmResult> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.uploads.find(tx, year, uploadId);
      if (row === undefined) throw notFound('Catalogue upload');
      const preview = await this.previewOf(tx, row.id, year, catalogueFromEdition(row.edition), false);
      const confirmedAt = await this.uploads.confirm(tx, year, uploadId, caller.userId);
      if (confirmedAt === undefined) throw new AppError('CONFLICT', 'This upload was confirmed already');
      const changed = Object.fromEntries(preview.changes.lists.map((l) => [l.list, { added: l.added.length, renamed: l.renamed.length, removed: l.removed.length }]));
      await this.audit.append(tx, {
        actor: caller.username,
        action: 'catalogue.confirm',
        entity: 'catalogue-upload',
        entityId: uploadId,
        payload: { year, replaces: preview.against.uploadId ?? 'shipped', changed, mappingChanged: preview.changes.mapping.length },
      });
      return { uploadId, fiscalYear: year, confirmedAt: confirmedAt.toISOString() };
    });
  }

  /** The whole edition in force for a year, as the web editor and `--catalogue` read it. */
  async edition(year: number): Promise<TEditionInForce> {
    const inForce = await this.mustBeInForce(year);
    return { ...editionOf(inForce.catalogue), ...sourceOf(inForce), editionYear: inForce.catalogue.fiscalYear, fiscalYear: year };
  }

  async list(year: number, kind: CatalogueList): Promise<TCatalogueList> {
    const inForce = await this.mustBeInForce(year);
    const { source, uploadId } = sourceOf(inForce);
    return { fiscalYear: year, kind, source, editionId: uploadId, completeness: inForce.catalogue.completeness, entries: [...catalogueList(inForce.catalogue, kind).values()] };
  }

  private async mustBeInForce(year: number): Promise<TInForce> {
    try {
      return await this.inForce.forYear(year);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CATALOGUE_YEAR_UNKNOWN') throw new AppError('NOT_FOUND', error.message);
      throw error;
    }
  }

  private async previewOf(m: EntityManager, uploadId: string, year: number, next: Catalogue, confirmed: boolean): Promise<TUploadPreview> {
    const current = await this.currentOrNone(m, year, next);
    return {
      uploadId,
      fiscalYear: year,
      confirmed,
      counts: {
        functional: next.functional.size,
        economic: next.economic.size,
        governmentEconomic: next.governmentEconomic.size,
        economicMapping: [...next.economicMapping.values()].reduce((n, codes) => n + codes.length, 0),
      },
      against: { ...sourceOf(current), completeness: current.catalogue.completeness },
      changes: diffCatalogues(current.catalogue, next),
    };
  }

  /** What the upload replaces: the edition in force, or (a year without any) nothing at all. */
  private async currentOrNone(m: EntityManager, year: number, next: Catalogue): Promise<TInForce> {
    try {
      return await this.inForce.forYear(year, m);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'CATALOGUE_YEAR_UNKNOWN')) throw error;
      const empty: Catalogue = { ...next, completeness: 'partial', functional: new Map(), economic: new Map(), governmentEconomic: new Map(), economicMapping: new Map() };
      return { catalogue: empty, key: 'none', uploadId: null };
    }
  }
}

function sourceOf(inForce: TInForce): { source: 'upload' | 'built-in'; uploadId: string | null } {
  return { source: inForce.uploadId === null ? 'built-in' : 'upload', uploadId: inForce.uploadId };
}

/** An upload's problems as field errors: `functional.line 3.name` and why. */
function parseOrExplain(year: number, lists: CatalogueUploadLists): Catalogue {
  try {
    return parseCatalogueUpload(year, lists);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CATALOGUE_INVALID') {
      const problems = (error.details?.['problems'] ?? []) as UploadProblem[];
      const path = (p: UploadProblem) => [p.list, p.position, p.field].filter((part) => part !== undefined && part !== '').join('.');
      throw new AppError('VALIDATION_FAILED', 'The catalogue upload has problems; nothing was stored', problems.map((p) => ({ path: path(p), message: p.reason })));
    }
    throw error;
  }
}
