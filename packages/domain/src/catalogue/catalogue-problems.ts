import type { ClassificationKind, ClassificationLevel } from './catalogue';

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
}

const LEVEL_BY_LENGTH: Readonly<Record<number, ClassificationLevel>> = { 3: 'class', 5: 'section', 7: 'item' };
/** Economic classification has 类 and 款 only; functional goes down to 项. */
const LENGTHS: Readonly<Record<ClassificationKind, readonly number[]>> = { functional: [3, 5, 7], economic: [3, 5] };

export function levelOfCode(code: string): ClassificationLevel | undefined {
  return /^\d+$/.test(code) ? LEVEL_BY_LENGTH[code.length] : undefined;
}

/** 款 hang under their 类 (first 3 digits), 项 under their 款 (first 5). */
export function parentOfCode(code: string): string | undefined {
  if (code.length === 5) return code.slice(0, 3);
  if (code.length === 7) return code.slice(0, 5);
  return undefined;
}

/** Every problem of a list of rows at once, so that an upload can be fixed in one pass. */
export function catalogueProblems(rows: readonly CatalogueRow[], kind: ClassificationKind): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const firstSeen = new Map<string, string>();
  for (const row of rows) {
    const report = (reason: string) => problems.push({ position: row.position, code: row.code, reason });
    if (!/^\d+$/.test(row.code) || !LENGTHS[kind].includes(row.code.length)) {
      report(`code "${row.code}" must be ${LENGTHS[kind].join(', ')} digits for the ${kind} classification`);
      continue;
    }
    if (row.name.trim() === '') report(`code ${row.code} has an empty name`);
    const earlier = firstSeen.get(row.code);
    if (earlier !== undefined) report(`code ${row.code} appears twice (first at ${earlier})`);
    else firstSeen.set(row.code, row.position);
  }
  for (const row of rows) {
    const parent = parentOfCode(row.code);
    if (parent !== undefined && firstSeen.has(row.code) && !firstSeen.has(parent)) {
      problems.push({ position: row.position, code: row.code, reason: `code ${row.code} has no parent ${parent} in the list` });
    }
  }
  return problems;
}

export function describeProblems(kind: ClassificationKind, problems: readonly CatalogueProblem[]): string {
  return [`the ${kind} catalogue has ${problems.length} problem(s):`, ...problems.map((p) => `${p.position}: ${p.reason}`)].join('\n');
}
