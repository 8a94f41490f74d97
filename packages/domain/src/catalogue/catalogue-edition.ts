import { z } from 'zod';
import { DomainError, isDomainError } from '../errors';
import { buildCatalogue, type Catalogue } from './catalogue';
import { parseCatalogueCsv, parseEconomicMappingCsv } from './catalogue-csv';
import type { CatalogueProblem } from './catalogue-problems';

const ZCode = z.object({ code: z.string().max(20), name: z.string().max(500) });

/**
 * An edition as data: what GET /api/catalogue/{year} answers, what the web editor builds its code
 * picker from and what `pnpm budget … --catalogue FILE` reads. Entries may carry their level and
 * parent; both are recomputed from the codes.
 */
export const ZCatalogueEdition = z.object({
  fiscalYear: z.number().int(),
  completeness: z.enum(['partial', 'complete']),
  functional: z.array(ZCode),
  economic: z.array(ZCode),
  governmentEconomic: z.array(ZCode).default([]),
  economicMapping: z.array(z.object({ departmentCode: z.string().max(20), governmentCode: z.string().max(20) })).default([]),
});
export type TCatalogueEdition = z.infer<typeof ZCatalogueEdition>;

const entries = (map: ReadonlyMap<string, { code: string; name: string }>) => [...map.values()].map(({ code, name }) => ({ code, name }));

export function editionOf(catalogue: Catalogue): TCatalogueEdition {
  return {
    fiscalYear: catalogue.fiscalYear,
    completeness: catalogue.completeness,
    functional: entries(catalogue.functional),
    economic: entries(catalogue.economic),
    governmentEconomic: entries(catalogue.governmentEconomic),
    economicMapping: [...catalogue.economicMapping].flatMap(([departmentCode, codes]) => codes.map((governmentCode) => ({ departmentCode, governmentCode }))),
  };
}

/** Throws CATALOGUE_INVALID (every problem, each with its list) when the edition does not hold together. */
export function catalogueFromEdition(edition: TCatalogueEdition): Catalogue {
  const level = 'class' as const; // recomputed by buildCatalogue
  return buildCatalogue(
    edition.fiscalYear,
    edition.functional.map((e) => ({ ...e, level })),
    edition.economic.map((e) => ({ ...e, level })),
    { completeness: edition.completeness, governmentEconomic: edition.governmentEconomic.map((e) => ({ ...e, level })), economicMapping: edition.economicMapping },
  );
}

/** The official lists of a year as an administrator uploads them: one CSV text per list. */
export interface CatalogueUploadLists {
  functional: string;
  economic: string;
  governmentEconomic?: string;
  economicMapping?: string;
}

/** A problem of an upload, with the list it is in (`functional`, `economic-mapping` …). */
export type UploadProblem = CatalogueProblem & { list: string };

/**
 * Parses an upload into the complete edition it makes. Every problem of every list is collected
 * before refusing (CATALOGUE_INVALID, details.problems: UploadProblem[]), so one pass fixes all.
 * A 对照表 needs the 政府 list it maps to.
 */
export function parseCatalogueUpload(year: number, lists: CatalogueUploadLists): Catalogue {
  const problems: UploadProblem[] = [];
  const attempt = <T>(list: string, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'CATALOGUE_INVALID') throw error;
      const found = (error.details?.['problems'] ?? []) as CatalogueProblem[];
      problems.push(...(found.length > 0 ? found : [{ position: '', code: '', reason: error.message }]).map((p) => ({ ...p, list })));
      return undefined;
    }
  };
  const functional = attempt('functional', () => parseCatalogueCsv(lists.functional, 'functional'));
  const economic = attempt('economic', () => parseCatalogueCsv(lists.economic, 'economic'));
  const governmentEconomic = lists.governmentEconomic === undefined ? [] : attempt('government-economic', () => parseCatalogueCsv(lists.governmentEconomic!, 'government-economic'));
  const economicMapping = lists.economicMapping === undefined ? [] : attempt('economic-mapping', () => parseEconomicMappingCsv(lists.economicMapping!));
  for (const [list, parsed] of [['functional', functional], ['economic', economic]] as const) {
    if (parsed?.length === 0) problems.push({ list, position: '', code: '', reason: `the ${list} list has no codes` });
  }
  if (lists.economicMapping !== undefined && lists.governmentEconomic === undefined) {
    problems.push({ list: 'government-economic', position: '', code: '', reason: 'a 对照表 (economicMapping) needs the 政府预算经济分类 list (governmentEconomic) it maps to' });
  }
  const catalogue =
    problems.length > 0 || functional === undefined || economic === undefined || governmentEconomic === undefined || economicMapping === undefined
      ? undefined
      : attempt('economic-mapping', () => buildCatalogue(year, functional, economic, { completeness: 'complete', governmentEconomic, economicMapping }));
  if (catalogue === undefined) {
    throw new DomainError('CATALOGUE_INVALID', `the upload has ${problems.length} problem(s): ${problems.map((p) => `${p.list} ${p.position}: ${p.reason}`).join('; ')}`, { problems });
  }
  return catalogue;
}
