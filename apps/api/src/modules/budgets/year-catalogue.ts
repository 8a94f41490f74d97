import { catalogueForYear, isDomainError, type Catalogue } from '@budgetflow/domain';
import { toAppError } from './domain-error.mapper';

/** The catalogue lines of a budget's year are checked against; a year without one is a 400, not a 500. */
export function catalogueOfYear(year: number): Catalogue {
  try {
    return catalogueForYear(year);
  } catch (error) {
    throw isDomainError(error) ? toAppError(error) : error;
  }
}
