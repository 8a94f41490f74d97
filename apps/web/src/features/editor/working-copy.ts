import { canonicalJson, type TBudgetDocument, type TExpenditureLine, type TIncomeLine, type TLocalizedText, type TProject } from '@budgetflow/domain';

/**
 * What the editor holds: the document as the server last gave it (at `baseVersion`) and the
 * person's edits on top. Edits are kept apart from the base so that a refused save (409) can
 * replay them on the newer version instead of losing them.
 */
export interface TWorkingCopy {
  base: TBudgetDocument;
  baseVersion: number;
  /** Edited or added lines by id; null marks a line removed. Insertion order = order of new lines. */
  lineEdits: ReadonlyMap<string, TExpenditureLine | null>;
  /** The same for income lines (表1/表2's sources). */
  incomeEdits: ReadonlyMap<string, TIncomeLine | null>;
  /** The projects, when the person changed any (saved with the whole document). */
  projects: TProject[] | null;
  /** Amounts and codes typed that are not (yet) valid, by cell key, so that nothing typed is lost. */
  invalid: ReadonlyMap<string, TInvalidCell>;
  /** The other parts the forms edit (部门概况, 表9, last year, Part 3), when changed (saved with the whole document). */
  parts?: TDocumentParts;
}

/** What was typed in a cell and why it is refused, in both languages (the page's may change). */
export interface TInvalidCell {
  text: string;
  reason: TLocalizedText;
}

export type TDocumentParts = Partial<Pick<TBudgetDocument, 'department' | 'performance' | 'priorYears' | 'explanations'>>;

export function startWorkingCopy(base: TBudgetDocument, baseVersion: number): TWorkingCopy {
  positions(base.expenditureLines); // indexed now, while loading, rather than on the first keystroke
  return {
    base,
    baseVersion,
    lineEdits: new Map(),
    incomeEdits: new Map(),
    projects: null,
    invalid: new Map(),
  };
}

export const cellKey = (lineId: string, field: string) => `${lineId}:${field}`;

/** Where each line of a list is, by id: built once per list (per load or save, not per keystroke). */
const positionsOf = new WeakMap<readonly { id: string }[], ReadonlyMap<string, number>>();
function positions(lines: readonly { id: string }[]): ReadonlyMap<string, number> {
  let index = positionsOf.get(lines);
  if (index === undefined) {
    index = new Map(lines.map((l, i) => [l.id, i]));
    positionsOf.set(lines, index);
  }
  return index;
}

/**
 * Lines as the person sees them: base order, edits applied, removed ones left out, new ones last.
 * Touches only the edited lines (the base's are copied as they are), so a keystroke costs the
 * edits, not the 10,000 lines.
 */
function applyEdits<L extends { id: string }>(base: readonly L[], edits: ReadonlyMap<string, L | null>): L[] {
  const lines: (L | null)[] = [...base];
  if (edits.size === 0) return lines as L[];
  const at = positions(base);
  const added: L[] = [];
  let removed = false;
  for (const [id, edit] of edits) {
    const i = at.get(id);
    if (i === undefined) {
      if (edit !== null) added.push(edit);
    } else {
      lines[i] = edit;
      removed ||= edit === null;
    }
  }
  const kept = removed ? lines.filter((l): l is L => l !== null) : (lines as L[]);
  for (const line of added) kept.push(line);
  return kept;
}

export function currentLines(copy: TWorkingCopy): TExpenditureLine[] {
  return applyEdits(copy.base.expenditureLines, copy.lineEdits);
}

export function currentDocument(copy: TWorkingCopy): TBudgetDocument {
  return {
    ...copy.base,
    ...copy.parts,
    expenditureLines: currentLines(copy),
    incomeLines: applyEdits(copy.base.incomeLines, copy.incomeEdits),
    projects: copy.projects ?? copy.base.projects,
  };
}

export function setLine(copy: TWorkingCopy, line: TExpenditureLine): TWorkingCopy {
  const lineEdits = new Map(copy.lineEdits);
  lineEdits.set(line.id, line);
  return { ...copy, lineEdits };
}

/** A line as the base has it. */
function savedLine(base: TBudgetDocument, lineId: string): TExpenditureLine | undefined {
  const at = positions(base.expenditureLines).get(lineId);
  return at === undefined ? undefined : base.expenditureLines[at];
}

/** A line as the person sees it now, or undefined when it is removed or was never there. */
export function lineOf(copy: TWorkingCopy, lineId: string): TExpenditureLine | undefined {
  const edit = copy.lineEdits.get(lineId);
  return edit === undefined ? savedLine(copy.base, lineId) : (edit ?? undefined);
}

/**
 * Puts lines to the given values (null: removed), as undo and redo do: a line put back to its
 * saved value is no longer an edit, so undoing every change leaves nothing to save.
 */
export function putLines(
  copy: TWorkingCopy,
  values: readonly (readonly [string, TExpenditureLine | null])[],
): TWorkingCopy {
  const lineEdits = new Map(copy.lineEdits);
  let invalid = copy.invalid;
  for (const [id, line] of values) {
    const saved = savedLine(copy.base, id);
    if (line !== null && saved !== undefined && sameLine(line, saved)) lineEdits.delete(id);
    else if (line === null && saved === undefined) lineEdits.delete(id);
    else lineEdits.set(id, line);
    if (line === null && [...invalid.keys()].some((k) => k.startsWith(`${id}:`)))
      invalid = new Map([...invalid].filter(([key]) => !key.startsWith(`${id}:`)));
  }
  return { ...copy, lineEdits, invalid };
}

/** The copy without edits that leave a line, or the projects, as the base has them (a draft written before its save landed). */
export function dropUnchanged(copy: TWorkingCopy): TWorkingCopy {
  const lineEdits = new Map(
    [...copy.lineEdits].filter(([id, edit]) => {
      const saved = savedLine(copy.base, id);
      return edit === null || saved === undefined || !sameLine(edit, saved);
    }),
  );
  // projects are kept whole: a draft's projects as the base has them (in any key order: the
  // server's jsonb sorts keys) are no edit either
  const projects = copy.projects !== null && canonicalJson(copy.projects) === canonicalJson(copy.base.projects) ? null : copy.projects;
  return lineEdits.size === copy.lineEdits.size && projects === copy.projects ? copy : { ...copy, lineEdits, projects };
}

function sameLine(a: TExpenditureLine, b: TExpenditureLine): boolean {
  const keys = Object.keys(a) as (keyof TExpenditureLine)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * After a save of `saved` answered `version`: what was saved is the new base, and edits made
 * while the save was on its way stay edits on top of it.
 */
export function commitSaved(copy: TWorkingCopy, saved: TWorkingCopy, version: number): TWorkingCopy {
  const keep = <L>(edits: ReadonlyMap<string, L | null>, savedEdits: ReadonlyMap<string, L | null>) =>
    new Map([...edits].filter(([id, edit]) => savedEdits.get(id) !== edit));
  return {
    ...copy,
    base: currentDocument(saved),
    baseVersion: version,
    lineEdits: keep(copy.lineEdits, saved.lineEdits),
    incomeEdits: keep(copy.incomeEdits, saved.incomeEdits),
    projects: copy.projects === saved.projects ? null : copy.projects,
  };
}

export function removeLine(copy: TWorkingCopy, lineId: string): TWorkingCopy {
  const lineEdits = new Map(copy.lineEdits);
  if (positions(copy.base.expenditureLines).has(lineId)) lineEdits.set(lineId, null);
  else lineEdits.delete(lineId);
  const invalid = new Map([...copy.invalid].filter(([key]) => !key.startsWith(`${lineId}:`)));
  return { ...copy, lineEdits, invalid };
}

export function setIncomeLine(copy: TWorkingCopy, line: TIncomeLine): TWorkingCopy {
  const incomeEdits = new Map(copy.incomeEdits);
  incomeEdits.set(line.id, line);
  return { ...copy, incomeEdits };
}

export function removeIncomeLine(copy: TWorkingCopy, lineId: string): TWorkingCopy {
  const incomeEdits = new Map(copy.incomeEdits);
  if (copy.base.incomeLines.some((l) => l.id === lineId)) incomeEdits.set(lineId, null);
  else incomeEdits.delete(lineId);
  return { ...copy, incomeEdits };
}

export function setInvalid(
  copy: TWorkingCopy,
  key: string,
  value: TInvalidCell | null,
): TWorkingCopy {
  const invalid = new Map(copy.invalid);
  if (value === null) invalid.delete(key);
  else invalid.set(key, value);
  return { ...copy, invalid };
}

export function setProjects(copy: TWorkingCopy, projects: TProject[]): TWorkingCopy {
  return { ...copy, projects };
}

export function setPart<K extends keyof TDocumentParts>(
  copy: TWorkingCopy,
  part: K,
  value: NonNullable<TDocumentParts[K]>,
): TWorkingCopy {
  return { ...copy, parts: { ...copy.parts, [part]: value } };
}

/** Projects or a form's part changed: the save sends the whole document, not a lines patch. */
export function needsWholeDocument(copy: TWorkingCopy): boolean {
  return copy.projects !== null || copy.parts !== undefined;
}

export function changeCount(copy: TWorkingCopy): number {
  return (
    copy.lineEdits.size +
    copy.incomeEdits.size +
    (copy.projects === null ? 0 : 1) +
    Object.keys(copy.parts ?? {}).length
  );
}

function split<L>(edits: ReadonlyMap<string, L | null>): { upsert: L[]; remove: string[] } {
  const upsert: L[] = [];
  const remove: string[] = [];
  for (const [id, edit] of edits) {
    if (edit === null) remove.push(id);
    else upsert.push(edit);
  }
  return { upsert, remove };
}

export interface TLinesPatch {
  upsertExpenditure: TExpenditureLine[];
  removeExpenditure: string[];
  upsertIncome: TIncomeLine[];
  removeIncome: string[];
}

/** The lines part of a save: PATCH /api/budgets/:id/lines. */
export function linesPatch(copy: TWorkingCopy): TLinesPatch {
  const expenditure = split(copy.lineEdits);
  const income = split(copy.incomeEdits);
  return {
    upsertExpenditure: expenditure.upsert,
    removeExpenditure: expenditure.remove,
    upsertIncome: income.upsert,
    removeIncome: income.remove,
  };
}

/** The same edits on a newer base (after a 409): a removal of a line that is gone already is dropped. */
export function rebase(copy: TWorkingCopy, base: TBudgetDocument, baseVersion: number): TWorkingCopy {
  const ids = new Set(base.expenditureLines.map((l) => l.id));
  const incomeIds = new Set(base.incomeLines.map((l) => l.id));
  const lineEdits = new Map([...copy.lineEdits].filter(([id, edit]) => edit !== null || ids.has(id)));
  const incomeEdits = new Map(
    [...copy.incomeEdits].filter(([id, edit]) => edit !== null || incomeIds.has(id)),
  );
  return { ...copy, base, baseVersion, lineEdits, incomeEdits };
}

let counter = 0;
/** An id for a new line: unique in this browser session and valid for the schema (letters, digits, - _ .). */
export function newLineId(now: number = Date.now()): string {
  counter += 1;
  return `N-${now.toString(36)}-${counter}`;
}
