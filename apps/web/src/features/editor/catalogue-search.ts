import type { Catalogue, CatalogueEntry, ClassificationKind, ClassificationLevel } from '@budgetflow/domain';

/** Lines carry functional codes at 项 level and economic codes at 款 level. */
export const LINE_LEVEL: Readonly<Record<ClassificationKind, ClassificationLevel>> = {
  functional: 'item',
  economic: 'section',
};

/**
 * Entries of a year's catalogue that a line may use, matching what was typed: codes that start
 * with it first, then names that contain it. At most `limit`.
 */
export function searchCatalogue(
  catalogue: Catalogue,
  kind: ClassificationKind,
  text: string,
  limit = 50,
): CatalogueEntry[] {
  const needle = text.trim();
  const byCode: CatalogueEntry[] = [];
  const byName: CatalogueEntry[] = [];
  for (const entry of catalogue[kind].values()) {
    if (entry.level !== LINE_LEVEL[kind]) continue;
    if (needle === '' || entry.code.startsWith(needle)) byCode.push(entry);
    else if (entry.name.includes(needle)) byName.push(entry);
    if (byCode.length >= limit) break;
  }
  return [...byCode, ...byName].slice(0, limit);
}
