import { isDomainError, type Catalogue } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import type { CatalogueInForce } from '../catalogue/catalogue-in-force';
import { toAppError } from './domain-error.mapper';

/** The edition in force lines of a budget's year are checked against; a year without one is a 400, not a 500. */
export async function catalogueOfYear(catalogues: CatalogueInForce, year: number, manager?: EntityManager): Promise<Catalogue> {
  try {
    return (await catalogues.forYear(year, manager)).catalogue;
  } catch (error) {
    throw isDomainError(error) ? toAppError(error) : error;
  }
}
