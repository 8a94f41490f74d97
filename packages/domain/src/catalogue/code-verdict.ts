import { catalogueList, CATALOGUE_LISTS, type Catalogue, type CatalogueEntry, type CatalogueList, type ClassificationLevel } from './catalogue';
import { CODE_PREFIX, isCodeOf, levelOfCode, parentOfCode } from './catalogue-problems';

/**
 * What a code written where `list` belongs is, against an edition:
 * - `ok`: in the edition (at the level asked for, if one is);
 * - `malformed`: not digits of the list's lengths (3/5/7 functional, 3/5 economic) and first digit;
 * - `other-list`: well formed, but a code of another classification (an economic 3xx where a
 *   functional code belongs), by its first digit;
 * - `wrong-level`: a 类 or 款 where a 项 is needed, and so on;
 * - `missing-from-partial`: well formed, its parent in the edition, the code not — and the edition
 *   is a partial one, so the code may well exist: its name is to be asked for, not refused;
 * - `unknown`: not in a complete edition, or neither it nor its parent in a partial one.
 */
export type CodeVerdict =
  | { verdict: 'ok'; entry: CatalogueEntry }
  | { verdict: 'malformed' }
  | { verdict: 'other-list'; list: CatalogueList }
  | { verdict: 'wrong-level' }
  | { verdict: 'missing-from-partial'; parent: CatalogueEntry }
  | { verdict: 'unknown' };

const LENGTH_OF_LEVEL: Readonly<Record<ClassificationLevel, number>> = { class: 3, section: 5, item: 7 };

export function judgeCode(catalogue: Catalogue, list: CatalogueList, code: string, level?: ClassificationLevel): CodeVerdict {
  if (!/^\d+$/.test(code)) return { verdict: 'malformed' };
  const other = CATALOGUE_LISTS.find((l) => l !== list && code.startsWith(CODE_PREFIX[l]));
  if (other !== undefined) return { verdict: 'other-list', list: other };
  if (!isCodeOf(list, code)) return { verdict: 'malformed' };
  if (level !== undefined && code.length !== LENGTH_OF_LEVEL[level]) return { verdict: 'wrong-level' };
  const entries = catalogueList(catalogue, list);
  const entry = entries.get(code);
  if (entry !== undefined) return levelOfCode(code) === entry.level ? { verdict: 'ok', entry } : { verdict: 'wrong-level' };
  const parent = parentOfCode(code);
  const parentEntry = parent === undefined ? undefined : entries.get(parent);
  if (catalogue.completeness === 'partial' && parentEntry !== undefined) return { verdict: 'missing-from-partial', parent: parentEntry };
  return { verdict: 'unknown' };
}

/**
 * How messages name the edition a code was checked against: a shipped edition always says it is
 * partial, so that nobody takes "not in the catalogue" for "does not exist".
 */
export function editionLabel(catalogue: Pick<Catalogue, 'completeness'>): { editionZh: string; editionEn: string } {
  return catalogue.completeness === 'partial'
    ? { editionZh: '内置目录（不完整，仅收录公开文件中见到的科目）', editionEn: 'shipped edition (partial: only codes seen in print)' }
    : { editionZh: '目录', editionEn: 'catalogue' };
}
