import { DomainError } from '../errors';
import { buildCatalogue, type Catalogue, type ClassificationKind } from './catalogue';
import { parseCatalogueCsv } from './catalogue-csv';
import { CATALOGUE_FILES } from './catalogue-data.generated';

const cache = new Map<number, Catalogue>();

/** The years for which the package carries an edition, ascending. */
export const CATALOGUE_EDITION_YEARS: readonly number[] = [...new Set(CATALOGUE_FILES.map((f) => f.year))].sort((a, b) => a - b);

/**
 * The built-in edition for a budget's fiscal year: the nearest edition at or before that year,
 * so that a table prints the names in force for its budget. Editions are parsed once, on first use.
 */
export function catalogueForYear(year: number): Catalogue {
  const editionYear = CATALOGUE_EDITION_YEARS.filter((y) => y <= year).at(-1);
  if (editionYear === undefined) {
    throw new DomainError('CATALOGUE_YEAR_UNKNOWN', `no classification catalogue for ${year}; the earliest is ${CATALOGUE_EDITION_YEARS[0]}`, {
      year,
    });
  }
  let catalogue = cache.get(editionYear);
  if (catalogue === undefined) {
    catalogue = buildCatalogue(editionYear, editionList(editionYear, 'functional'), editionList(editionYear, 'economic'));
    cache.set(editionYear, catalogue);
  }
  return catalogue;
}

function editionList(year: number, kind: ClassificationKind) {
  const file = CATALOGUE_FILES.find((f) => f.year === year && f.kind === kind);
  return file === undefined ? [] : parseCatalogueCsv(file.csv, kind);
}
