import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueList } from '../src/catalogue/catalogue';
import { readCsvTable } from '../src/catalogue/catalogue-csv';

/** A code printed with a name in a budget year's documents, and who printed it. */
export interface ObservedCode {
  list: CatalogueList;
  code: string;
  name: string;
  year: number;
  sources: string;
}

export const OBSERVED_DIR = join(__dirname, '..', 'fixtures', 'observed-codes');
const MORE = join(OBSERVED_DIR, 'more-2018-2026');
export const SHIPPED_YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

/**
 * The years a public page's list speaks for, from sources-documents.csv: PAGE-hdu is the edition in
 * force in 2020; PAGE-ishare is 财预〔2017〕98号 附表1, the lists and 对照表 of the 2018 reform, in
 * force from the 2018 budgets with no later edition seen.
 */
const PAGE_YEARS: Readonly<Record<string, readonly number[]>> = {
  'PAGE-hdu': [2020],
  'PAGE-ishare': SHIPPED_YEARS,
};

/**
 * Printed: a published disclosure (D01…, the lists one folder up: PRIOR) or a public page. Codes
 * found only in a provincial system's mock data (PW, Ghhhhy/platformweb-fb) were never printed:
 * left out, as are their parents, which nobody printed either.
 */
const isPrinted = (sources: string) => /\b(D\d\d|PRIOR|PAGE-\w+)\b/.test(sources);

function records(path: string): Record<string, string>[] {
  const table = readCsvTable(readFileSync(path, 'utf8'));
  if (table.problems.length > 0) throw new Error(`${path}: ${table.problems.map((p) => `${p.position} ${p.reason}`).join('; ')}`);
  return table.rows.map(({ fields }) => Object.fromEntries(table.header.map((h, i) => [h, fields[i] ?? ''])));
}

const years = (text: string) => text.split(/[\s,]+/).filter((y) => y !== '').map(Number);
/** `2017:检察; 2018:检察` → the name printed in each year. */
const namesByYear = (text: string) =>
  new Map(text.split(';').flatMap((part) => {
    const match = /^\s*(\d{4}):(.+)$/.exec(part);
    return match ? [[Number(match[1]), match[2]!.trim()] as const] : [];
  }));

/** The years a row speaks for: those its documents print it in, else those of the pages it is on. */
function yearsOf(printedIn: string, sources: string): number[] {
  const seen = years(printedIn);
  if (seen.length > 0) return seen;
  return [...new Set(Object.entries(PAGE_YEARS).flatMap(([page, ys]) => (sources.includes(page) ? ys : [])))];
}

/** Every (list, code, year) printed, with the name of that year, from the fixtures' files. */
export function observedCodes(): ObservedCode[] {
  const out: ObservedCode[] = [];
  const add = (list: CatalogueList, code: string, name: string, year: number, sources: string) => {
    if (SHIPPED_YEARS.includes(year as (typeof SHIPPED_YEARS)[number])) out.push({ list, code, name, year, sources });
  };
  for (const [file, list] of [['function-codes-observed.csv', 'functional'], ['economic-codes-observed.csv', 'economic']] as const) {
    for (const r of records(join(OBSERVED_DIR, file))) for (const y of years(r['years_seen']!)) add(list, r['code']!, r['name']!, y, 'PRIOR');
  }
  for (const r of records(join(MORE, 'function-codes-observed-2018-2026.provenance.csv'))) {
    const sources = Object.entries(r).find(([h]) => h.startsWith('sources'))?.[1] ?? '';
    if (!isPrinted(sources)) continue;
    const names = namesByYear(r['names_by_year_in_disclosures(incl_2017)'] ?? '');
    for (const y of yearsOf(r['years_seen_2018_2026']!, sources)) add('functional', r['code']!, names.get(y) ?? r['name']!, y, sources);
  }
  for (const r of records(join(MORE, 'dept-economic-codes-observed-2018-2026.provenance.csv'))) {
    const sources = Object.entries(r).find(([h]) => h.startsWith('sources'))?.[1] ?? '';
    if (!isPrinted(sources)) continue;
    for (const y of yearsOf(r['years_seen_in_disclosures_2018_2026']!, sources)) add('economic', r['code']!, r['name']!, y, sources);
  }
  for (const r of records(join(MORE, 'gov-economic-codes-partial-2018-reform.provenance.csv'))) {
    if (!isPrinted(r['sources']!)) continue;
    for (const y of yearsOf('', r['sources']!)) add('government-economic', r['code']!, r['name']!, y, r['sources']!);
  }
  return out;
}

/** The 对照表 rows as far as PAGE-ishare could be read, for the years that page speaks for. */
export function observedMapping(): { year: number; departmentCode: string; governmentCode: string }[] {
  const rows = records(join(MORE, 'gov-dept-economic-mapping-partial.csv'));
  return PAGE_YEARS['PAGE-ishare']!.flatMap((year) => rows.map((r) => ({ year, departmentCode: r['dept_code']!, governmentCode: r['gov_code']! })));
}
