import type { CatalogueEntry, CatalogueList, ClassificationLevel, EconomicMappingRow } from './catalogue';

/** A row to check, with where it came from ("line 12", "entry 3 (30101)") for the message. */
export interface CatalogueRow {
  code: string;
  name: string;
  position: string;
}

export interface CatalogueProblem {
  position: string;
  code: string;
  reason: string;
  /** The column at fault, where one is: `code`, `name`, `dept_code`, `gov_code`. */
  field?: string;
}

const LEVEL_BY_LENGTH: Readonly<Record<number, ClassificationLevel>> = { 3: 'class', 5: 'section', 7: 'item' };
/** Economic classifications have 类 and 款 only; functional goes down to 项. */
export const CODE_LENGTHS: Readonly<Record<CatalogueList, readonly number[]>> = {
  functional: [3, 5, 7],
  economic: [3, 5],
  'government-economic': [3, 5],
};
/**
 * The first digit of each list's codes: 支出功能分类 2xx, 部门预算支出经济分类 3xx, 政府预算支出经济分类 5xx.
 * It tells which classification a code printed in the wrong place belongs to.
 */
export const CODE_PREFIX: Readonly<Record<CatalogueList, string>> = { functional: '2', economic: '3', 'government-economic': '5' };

export function levelOfCode(code: string): ClassificationLevel | undefined {
  return /^\d+$/.test(code) ? LEVEL_BY_LENGTH[code.length] : undefined;
}

/** 款 hang under their 类 (first 3 digits), 项 under their 款 (first 5). */
export function parentOfCode(code: string): string | undefined {
  if (code.length === 5) return code.slice(0, 3);
  if (code.length === 7) return code.slice(0, 5);
  return undefined;
}

/** Whether a code has the shape of a code of `list`: its digits, its length, its first digit. */
export function isCodeOf(list: CatalogueList, code: string): boolean {
  return /^\d+$/.test(code) && CODE_LENGTHS[list].includes(code.length) && code.startsWith(CODE_PREFIX[list]);
}

/** Every problem of a list of rows at once, so that an upload can be fixed in one pass. */
export function catalogueProblems(rows: readonly CatalogueRow[], list: CatalogueList): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const firstSeen = new Map<string, string>();
  for (const row of rows) {
    const report = (reason: string, field = 'code') => problems.push({ position: row.position, code: row.code, reason, field });
    if (!/^\d+$/.test(row.code) || !CODE_LENGTHS[list].includes(row.code.length)) {
      report(`code "${row.code}" must be ${CODE_LENGTHS[list].join(', ')} digits for the ${list} classification`);
      continue;
    }
    if (!row.code.startsWith(CODE_PREFIX[list])) {
      report(`code ${row.code} does not start with ${CODE_PREFIX[list]}, as every code of the ${list} classification does`);
      continue;
    }
    if (row.name.trim() === '') report(`code ${row.code} has an empty name`, 'name');
    const earlier = firstSeen.get(row.code);
    if (earlier !== undefined) report(`code ${row.code} appears twice (first at ${earlier})`);
    else firstSeen.set(row.code, row.position);
  }
  for (const row of rows) {
    const parent = parentOfCode(row.code);
    if (parent !== undefined && firstSeen.has(row.code) && !firstSeen.has(parent)) {
      problems.push({ position: row.position, code: row.code, reason: `code ${row.code} has no parent ${parent} in the list`, field: 'code' });
    }
  }
  return problems;
}

/** The 对照表's rows against the two lists it joins: each names a code of each, at the same level, once. */
export function mappingProblems(
  rows: readonly (EconomicMappingRow & { position: string })[],
  economic: ReadonlyMap<string, CatalogueEntry>,
  government: ReadonlyMap<string, CatalogueEntry>,
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const report = (reason: string, field: string) => problems.push({ position: row.position, code: row.departmentCode, reason, field });
    const departmentEntry = economic.get(row.departmentCode);
    const governmentEntry = government.get(row.governmentCode);
    if (departmentEntry === undefined) report(`部门 economic code ${row.departmentCode} is not in the economic list`, 'dept_code');
    if (governmentEntry === undefined) report(`政府 economic code ${row.governmentCode} is not in the government-economic list`, 'gov_code');
    if (departmentEntry !== undefined && governmentEntry !== undefined && departmentEntry.level !== governmentEntry.level) {
      report(`${row.departmentCode} is a ${departmentEntry.level}, ${row.governmentCode} a ${governmentEntry.level}: a row maps 类 to 类 and 款 to 款`, 'gov_code');
    }
    const pair = `${row.departmentCode}→${row.governmentCode}`;
    if (seen.has(pair)) report(`${row.departmentCode} → ${row.governmentCode} appears twice`, 'gov_code');
    seen.add(pair);
  }
  return problems;
}

export function describeProblems(list: string, problems: readonly CatalogueProblem[]): string {
  return [`the ${list} catalogue has ${problems.length} problem(s):`, ...problems.map((p) => `${p.position}: ${p.reason}`)].join('\n');
}
