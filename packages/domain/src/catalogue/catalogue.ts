import { DomainError } from '../errors';
import { catalogueProblems, describeProblems, levelOfCode, mappingProblems, parentOfCode } from './catalogue-problems';

/** 支出功能分类 (functional) or 部门预算支出经济分类 (economic): the two codes a line carries. */
export type ClassificationKind = 'functional' | 'economic';
/** The lists of an edition: the two a line carries, and the 政府预算支出经济分类 (government-economic). */
export type CatalogueList = ClassificationKind | 'government-economic';
/** 类 (3 digits), 款 (5 digits), 项 (7 digits; functional only). */
export type ClassificationLevel = 'class' | 'section' | 'item';
/**
 * `partial`: a shipped edition, which holds only the codes seen in print for its year (no complete
 * official list could be had); a code it lacks may well be valid. `complete`: the official
 * 《政府收支分类科目》 of the year as an administrator loaded it; a code it lacks does not exist.
 */
export type CatalogueCompleteness = 'partial' | 'complete';

export interface CatalogueEntry {
  code: string;
  name: string;
  level: ClassificationLevel;
  parentCode?: string;
}

/** One row of the 两套经济分类对照表: a 部门 code (类 or 款) and the 政府 code it is booked under. */
export interface EconomicMappingRow {
  departmentCode: string;
  governmentCode: string;
}

/**
 * One fiscal year's edition of the classifications. `fiscalYear` is the year of the edition,
 * which for `catalogueForYear(2030)` is an earlier one (2026). Maps iterate in code order.
 */
export interface Catalogue {
  fiscalYear: number;
  completeness: CatalogueCompleteness;
  functional: ReadonlyMap<string, CatalogueEntry>;
  economic: ReadonlyMap<string, CatalogueEntry>;
  /** 政府预算支出经济分类 (类 5xx and their 款); empty where none is loaded. */
  governmentEconomic: ReadonlyMap<string, CatalogueEntry>;
  /** The 对照表: a 部门 economic code → the 政府 codes it maps to (one, or one per kind of unit). */
  economicMapping: ReadonlyMap<string, readonly string[]>;
}

export const CLASSIFICATION_KINDS: readonly ClassificationKind[] = ['functional', 'economic'];
export const CATALOGUE_LISTS: readonly CatalogueList[] = ['functional', 'economic', 'government-economic'];

export interface CatalogueExtras {
  completeness?: CatalogueCompleteness;
  governmentEconomic?: readonly CatalogueEntry[];
  economicMapping?: readonly EconomicMappingRow[];
}

/**
 * Builds a catalogue from entries, e.g. an administrator's upload of a year's official lists
 * (complete unless said otherwise). Levels and parents are recomputed from the codes, so an entry
 * cannot claim a wrong parent. Throws CATALOGUE_INVALID listing every problem (bad code, missing
 * parent, duplicate, empty name, a 对照表 row naming a code of neither list).
 */
export function buildCatalogue(
  year: number,
  functional: readonly CatalogueEntry[],
  economic: readonly CatalogueEntry[],
  extras: CatalogueExtras = {},
): Catalogue {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new DomainError('CATALOGUE_INVALID', `not a fiscal year: ${year}`, { year });
  }
  const economicMap = toMap(economic, 'economic');
  const governmentEconomic = toMap(extras.governmentEconomic ?? [], 'government-economic');
  return {
    fiscalYear: year,
    completeness: extras.completeness ?? 'complete',
    functional: toMap(functional, 'functional'),
    economic: economicMap,
    governmentEconomic,
    economicMapping: toMapping(extras.economicMapping ?? [], economicMap, governmentEconomic),
  };
}

function toMap(entries: readonly CatalogueEntry[], list: CatalogueList): ReadonlyMap<string, CatalogueEntry> {
  const rows = entries.map((e, i) => ({ code: e.code, name: e.name, position: `entry ${i + 1} (${e.code})` }));
  const problems = catalogueProblems(rows, list);
  if (problems.length > 0) {
    throw new DomainError('CATALOGUE_INVALID', describeProblems(list, problems), { kind: list, problems });
  }
  const sorted = [...entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return new Map(sorted.map((e) => [e.code, entryFor(e.code, e.name.trim())]));
}

function toMapping(
  rows: readonly EconomicMappingRow[],
  economic: ReadonlyMap<string, CatalogueEntry>,
  government: ReadonlyMap<string, CatalogueEntry>,
): ReadonlyMap<string, readonly string[]> {
  const positioned = rows.map((r, i) => ({ ...r, position: `entry ${i + 1} (${r.departmentCode} → ${r.governmentCode})` }));
  const problems = mappingProblems(positioned, economic, government);
  if (problems.length > 0) {
    throw new DomainError('CATALOGUE_INVALID', describeProblems('economic-mapping', problems), { kind: 'economic-mapping', problems });
  }
  const mapping = new Map<string, string[]>();
  for (const row of [...rows].sort((a, b) => (a.governmentCode < b.governmentCode ? -1 : a.governmentCode > b.governmentCode ? 1 : 0))) {
    mapping.set(row.departmentCode, [...(mapping.get(row.departmentCode) ?? []), row.governmentCode]);
  }
  return mapping;
}

/** The entry a code implies: its level from its length, its parent from its prefix. */
export function entryFor(code: string, name: string): CatalogueEntry {
  const parentCode = parentOfCode(code);
  const level = levelOfCode(code);
  if (level === undefined) throw new DomainError('CATALOGUE_INVALID', `not a classification code: "${code}"`, { code });
  return parentCode === undefined ? { code, name, level } : { code, name, level, parentCode };
}

/** The map of one list of the catalogue. */
export function catalogueList(catalogue: Catalogue, list: CatalogueList): ReadonlyMap<string, CatalogueEntry> {
  return list === 'government-economic' ? catalogue.governmentEconomic : catalogue[list];
}

export function lookupName(catalogue: Catalogue, kind: CatalogueList, code: string): string | undefined {
  return catalogueList(catalogue, kind).get(code)?.name;
}

export function lookupEntry(catalogue: Catalogue, kind: CatalogueList, code: string): CatalogueEntry | undefined {
  return catalogueList(catalogue, kind).get(code);
}

/**
 * The 政府预算支出经济分类 款 a line on a 部门 款 is booked under, by the loaded 对照表: defined
 * when the table maps the 款 to exactly one 政府 款. Where it maps it to several (机关 and 事业单位
 * counterparts) the document does not say which kind of unit the line's is, so none is claimed.
 */
export function governmentEconomicCodeOf(catalogue: Catalogue, economicCode: string): string | undefined {
  const mapped = catalogue.economicMapping.get(economicCode);
  return mapped?.length === 1 ? mapped[0] : undefined;
}
