import { Inject, Injectable } from '@nestjs/common';
import { catalogueForYear, catalogueFromEdition, type Catalogue } from '@budgetflow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueUploadsRepository } from './catalogue-uploads.repository';

/** The edition budgets of a year are checked and derived under, and the key that names it. */
export interface TEditionInForce {
  catalogue: Catalogue;
  /** 'shipped', or the id of the confirmed upload: a derivation made under another key is stale. */
  key: string;
  uploadId: string | null;
}

export const SHIPPED_KEY = 'shipped';

/**
 * The edition in force for a fiscal year: the newest confirmed upload of the official lists, else
 * the domain's shipped (partial) edition. One indexed query per call; an upload, which never
 * changes, is parsed once per process. A year with neither throws the domain's
 * CATALOGUE_YEAR_UNKNOWN, which each caller answers in its own way.
 */
@Injectable()
export class CatalogueInForce {
  private readonly built = new Map<string, Catalogue>();
  private readonly uploads = new CatalogueUploadsRepository();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async forYear(year: number, manager: EntityManager = this.dataSource.manager): Promise<TEditionInForce> {
    const uploadId = await this.uploads.inForceId(manager, year);
    if (uploadId === undefined) return { catalogue: catalogueForYear(year), key: SHIPPED_KEY, uploadId: null };
    let catalogue = this.built.get(uploadId);
    if (catalogue === undefined) {
      catalogue = catalogueFromEdition(await this.uploads.edition(manager, uploadId));
      this.built.set(uploadId, catalogue);
    }
    return { catalogue, key: uploadId, uploadId };
  }
}
