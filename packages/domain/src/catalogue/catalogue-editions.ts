import { DomainError } from '../errors';
import { buildCatalogue, type Catalogue, type CatalogueList, type EconomicMappingRow } from './catalogue';
import { parseCatalogueCsv, parseEconomicMappingCsv } from './catalogue-csv';
import { CATALOGUE_FILES, type CatalogueFileKind } from './catalogue-data.generated';

const cache = new Map<number, Catalogue>();

/** The years for which the package carries an edition, ascending. */
export const CATALOGUE_EDITION_YEARS: readonly number[] = [...new Set(CATALOGUE_FILES.map((f) => f.year))].sort((a, b) => a - b);

/**
 * The built-in edition for a budget's fiscal year: the nearest edition at or before that year,
 * so that a table prints the names in force for its budget. Editions are parsed once, on first use.
 * Every built-in edition is partial (packages/domain/data/catalogue/README.md says why): it holds
 * the codes seen in print for its year, and checks against it say so.
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
    catalogue = buildCatalogue(editionYear, editionList(editionYear, 'functional'), editionList(editionYear, 'economic'), {
      completeness: 'partial',
      governmentEconomic: editionList(editionYear, 'government-economic'),
      economicMapping: editionMapping(editionYear),
    });
    cache.set(editionYear, catalogue);
  }
  return catalogue;
}

function editionFile(year: number, kind: CatalogueFileKind): string | undefined {
  return CATALOGUE_FILES.find((f) => f.year === year && f.kind === kind)?.csv;
}

function editionList(year: number, list: CatalogueList) {
  const csv = editionFile(year, list);
  return csv === undefined ? [] : parseCatalogueCsv(csv, list);
}

function editionMapping(year: number): EconomicMappingRow[] {
  const csv = editionFile(year, 'economic-mapping');
  return csv === undefined ? [] : parseEconomicMappingCsv(csv);
}
