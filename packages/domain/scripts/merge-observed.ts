import type { CatalogueList } from '../src/catalogue/catalogue';
import { parseCatalogueCsv, parseEconomicMappingCsv } from '../src/catalogue/catalogue-csv';
import { parentOfCode } from '../src/catalogue/catalogue-problems';
import type { CatalogueFile, CatalogueFileKind } from './catalogue-files';
import { SHIPPED_YEARS, type ObservedCode } from './observed-codes';

export interface MergeResult {
  files: CatalogueFile[];
  /** Printed codes no edition can hold: their parent was never seen, and is not invented. */
  leftOut: ObservedCode[];
}

const sameName = (a: string, b: string) => a.replace(/（/g, '(').replace(/）/g, ')') === b.replace(/（/g, '(').replace(/）/g, ')');
const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The file of `kind` for `year`, else that of the nearest earlier edition: what was in force. */
function baseFile(files: readonly CatalogueFile[], year: number, kind: CatalogueFileKind): string | undefined {
  return files.filter((f) => f.kind === kind && f.year <= year).sort((a, b) => b.year - a.year)[0]?.csv;
}

function mergeList(base: string | undefined, list: CatalogueList, observed: readonly ObservedCode[], leftOut: ObservedCode[]): string {
  const names = new Map((base === undefined ? [] : parseCatalogueCsv(base, list)).map((e) => [e.code, e.name]));
  for (const seen of [...observed].sort(byCode)) {
    const known = names.get(seen.code);
    if (known !== undefined) {
      if (!sameName(known, seen.name)) throw new Error(`${seen.year} ${list} ${seen.code}: the edition says ${known}, ${seen.sources} print ${seen.name}`);
      continue;
    }
    const parent = parentOfCode(seen.code);
    if (parent !== undefined && !names.has(parent)) leftOut.push(seen);
    else names.set(seen.code, seen.name);
  }
  const rows = [...names].map(([code, name]) => ({ code, name })).sort(byCode);
  return ['code,name', ...rows.map((r) => `${r.code},${quote(r.name)}`), ''].join('\n');
}

function mergeMapping(base: string | undefined, rows: readonly { departmentCode: string; governmentCode: string }[]): string {
  const pairs = new Set([...(base === undefined ? [] : parseEconomicMappingCsv(base)), ...rows].map((r) => `${r.departmentCode},${r.governmentCode}`));
  return ['dept_code,gov_code', ...[...pairs].sort(), ''].join('\n');
}

/**
 * Every shipped edition 2018–2026: the edition in force for the year as the data directory holds
 * it (a year without one starts from the nearest earlier edition), plus every code printed for
 * that year with the name printed. Running it on its own output changes nothing.
 */
export function mergeObserved(
  files: readonly CatalogueFile[],
  observed: readonly ObservedCode[],
  mapping: readonly { year: number; departmentCode: string; governmentCode: string }[],
): MergeResult {
  const leftOut: ObservedCode[] = [];
  const lists: readonly CatalogueList[] = ['functional', 'economic', 'government-economic'];
  const merged = SHIPPED_YEARS.flatMap((year) => [
    ...lists.map((list) => ({
      year,
      kind: list,
      csv: mergeList(baseFile(files, year, list), list, observed.filter((o) => o.year === year && o.list === list), leftOut),
    })),
    { year, kind: 'economic-mapping' as const, csv: mergeMapping(baseFile(files, year, 'economic-mapping'), mapping.filter((m) => m.year === year)) },
  ]);
  const older = files.filter((f) => f.year < SHIPPED_YEARS[0]);
  return { files: [...older, ...merged], leftOut };
}
