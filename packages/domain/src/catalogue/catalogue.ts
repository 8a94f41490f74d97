import { DomainError } from '../errors';
import { catalogueProblems, describeProblems, levelOfCode, parentOfCode } from './catalogue-problems';

/** 支出功能分类 (functional) or 部门预算支出经济分类 (economic). */
export type ClassificationKind = 'functional' | 'economic';
/** 类 (3 digits), 款 (5 digits), 项 (7 digits; functional only). */
export type ClassificationLevel = 'class' | 'section' | 'item';

export interface CatalogueEntry {
  code: string;
  name: string;
  level: ClassificationLevel;
  parentCode?: string;
}

/**
 * One fiscal year's edition of both classifications. `fiscalYear` is the year of the edition,
 * which for `catalogueForYear(2021)` may be an earlier one. Maps iterate in code order.
 */
export interface Catalogue {
  fiscalYear: number;
  functional: ReadonlyMap<string, CatalogueEntry>;
  economic: ReadonlyMap<string, CatalogueEntry>;
}

export const CLASSIFICATION_KINDS: readonly ClassificationKind[] = ['functional', 'economic'];

/**
 * Builds a catalogue from entries, e.g. an administrator's upload of a year's official lists.
 * Levels and parents are recomputed from the codes, so an entry cannot claim a wrong parent.
 * Throws CATALOGUE_INVALID listing every problem (bad code, missing parent, duplicate, empty name).
 */
export function buildCatalogue(year: number, functional: CatalogueEntry[], economic: CatalogueEntry[]): Catalogue {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new DomainError('CATALOGUE_INVALID', `not a fiscal year: ${year}`, { year });
  }
  return { fiscalYear: year, functional: toMap(functional, 'functional'), economic: toMap(economic, 'economic') };
}

function toMap(entries: readonly CatalogueEntry[], kind: ClassificationKind): ReadonlyMap<string, CatalogueEntry> {
  const rows = entries.map((e, i) => ({ code: e.code, name: e.name, position: `entry ${i + 1} (${e.code})` }));
  const problems = catalogueProblems(rows, kind);
  if (problems.length > 0) {
    throw new DomainError('CATALOGUE_INVALID', describeProblems(kind, problems), { kind, problems });
  }
  const sorted = [...entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return new Map(sorted.map((e) => [e.code, entryFor(e.code, e.name.trim())]));
}

/** The entry a code implies: its level from its length, its parent from its prefix. */
export function entryFor(code: string, name: string): CatalogueEntry {
  const parentCode = parentOfCode(code);
  const level = levelOfCode(code);
  if (level === undefined) throw new DomainError('CATALOGUE_INVALID', `not a classification code: "${code}"`, { code });
  return parentCode === undefined ? { code, name, level } : { code, name, level, parentCode };
}

export function lookupName(catalogue: Catalogue, kind: ClassificationKind, code: string): string | undefined {
  return catalogue[kind].get(code)?.name;
}

export function lookupEntry(catalogue: Catalogue, kind: ClassificationKind, code: string): CatalogueEntry | undefined {
  return catalogue[kind].get(code);
}
