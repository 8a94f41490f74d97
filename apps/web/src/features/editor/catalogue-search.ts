import { judgeCode, LINE_CODE_LEVEL, type Catalogue, type CatalogueEntry, type ClassificationKind, type ClassificationLevel } from '@budgetflow/domain';

/** Lines carry functional codes at 项 level and economic codes at 款 level. */
export const LINE_LEVEL: Readonly<Record<ClassificationKind, ClassificationLevel>> = LINE_CODE_LEVEL;

/** A code the picker offers: an entry of the edition, or one a partial edition lacks under a parent it has. */
export interface TPickerOption extends CatalogueEntry {
  unlisted?: boolean;
}

/**
 * The code a person typed whole in a code cell ("2010350", or "2010350 事业运行" as copied from a
 * sheet), when a line may carry it: one of the edition's codes at the line's level, or one a
 * partial edition lacks under a parent it has (as the picker offers it). Undefined otherwise.
 */
export function readTypedCode(catalogue: Catalogue, kind: ClassificationKind, text: string): string | undefined {
  const code = /^(\d+)(?:\s|$)/.exec(text.trim())?.[1];
  if (code === undefined) return undefined;
  const verdict = judgeCode(catalogue, kind, code, LINE_LEVEL[kind]).verdict;
  return verdict === 'ok' || verdict === 'missing-from-partial' ? code : undefined;
}

/**
 * Entries of a year's catalogue that a line may use, matching what was typed: codes that start
 * with it first, then names that contain it. At most `limit`. A whole code a partial (shipped)
 * edition lacks, under a parent it has, is offered first, marked unlisted: it may well exist, and
 * the findings will ask for its name; a complete edition offers only its own codes.
 */
export function searchCatalogue(
  catalogue: Catalogue,
  kind: ClassificationKind,
  text: string,
  limit = 50,
): TPickerOption[] {
  const needle = text.trim();
  const byCode: CatalogueEntry[] = [];
  const byName: CatalogueEntry[] = [];
  for (const entry of catalogue[kind].values()) {
    if (entry.level !== LINE_LEVEL[kind]) continue;
    if (needle === '' || entry.code.startsWith(needle)) byCode.push(entry);
    else if (entry.name.includes(needle)) byName.push(entry);
    if (byCode.length >= limit) break;
  }
  const found = [...byCode, ...byName].slice(0, limit);
  const verdict = judgeCode(catalogue, kind, needle, LINE_LEVEL[kind]);
  if (verdict.verdict !== 'missing-from-partial') return found;
  const unlisted = { code: needle, name: '', level: LINE_LEVEL[kind], parentCode: verdict.parent.code, unlisted: true };
  return [unlisted, ...found].slice(0, limit);
}
