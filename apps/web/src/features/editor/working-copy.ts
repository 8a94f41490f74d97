import type { TBudgetDocument, TExpenditureLine, TProject } from '@budgetflow/domain';

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
  /** The projects, when the person changed any (saved with the whole document). */
  projects: TProject[] | null;
  /** Amounts typed that are not (yet) amounts, by cell key, so that nothing typed is lost. */
  invalid: ReadonlyMap<string, { text: string; reason: string }>;
}

export function startWorkingCopy(base: TBudgetDocument, baseVersion: number): TWorkingCopy {
  return { base, baseVersion, lineEdits: new Map(), projects: null, invalid: new Map() };
}

export const cellKey = (lineId: string, field: string) => `${lineId}:${field}`;

/** The lines as the person sees them: base order, edits applied, removed ones left out, new ones last. */
export function currentLines(copy: TWorkingCopy): TExpenditureLine[] {
  const lines: TExpenditureLine[] = [];
  const baseIds = new Set<string>();
  for (const line of copy.base.expenditureLines) {
    baseIds.add(line.id);
    const edit = copy.lineEdits.get(line.id);
    if (edit === undefined) lines.push(line);
    else if (edit !== null) lines.push(edit);
  }
  for (const [id, edit] of copy.lineEdits) if (!baseIds.has(id) && edit !== null) lines.push(edit);
  return lines;
}

export function currentDocument(copy: TWorkingCopy): TBudgetDocument {
  return { ...copy.base, expenditureLines: currentLines(copy), projects: copy.projects ?? copy.base.projects };
}

export function setLine(copy: TWorkingCopy, line: TExpenditureLine): TWorkingCopy {
  const lineEdits = new Map(copy.lineEdits);
  lineEdits.set(line.id, line);
  return { ...copy, lineEdits };
}

export function removeLine(copy: TWorkingCopy, lineId: string): TWorkingCopy {
  const lineEdits = new Map(copy.lineEdits);
  const inBase = copy.base.expenditureLines.some((l) => l.id === lineId);
  if (inBase) lineEdits.set(lineId, null);
  else lineEdits.delete(lineId);
  const invalid = new Map([...copy.invalid].filter(([key]) => !key.startsWith(`${lineId}:`)));
  return { ...copy, lineEdits, invalid };
}

export function setInvalid(copy: TWorkingCopy, key: string, value: { text: string; reason: string } | null): TWorkingCopy {
  const invalid = new Map(copy.invalid);
  if (value === null) invalid.delete(key);
  else invalid.set(key, value);
  return { ...copy, invalid };
}

export function setProjects(copy: TWorkingCopy, projects: TProject[]): TWorkingCopy {
  return { ...copy, projects };
}

export function changeCount(copy: TWorkingCopy): number {
  return copy.lineEdits.size + (copy.projects === null ? 0 : 1);
}

/** The lines part of a save: PATCH /api/budgets/:id/lines. */
export function linesPatch(copy: TWorkingCopy): { upsertExpenditure: TExpenditureLine[]; removeExpenditure: string[] } {
  const upsertExpenditure: TExpenditureLine[] = [];
  const removeExpenditure: string[] = [];
  for (const [id, edit] of copy.lineEdits) {
    if (edit === null) removeExpenditure.push(id);
    else upsertExpenditure.push(edit);
  }
  return { upsertExpenditure, removeExpenditure };
}

/** The same edits on a newer base (after a 409): a removal of a line that is gone already is dropped. */
export function rebase(copy: TWorkingCopy, base: TBudgetDocument, baseVersion: number): TWorkingCopy {
  const ids = new Set(base.expenditureLines.map((l) => l.id));
  const lineEdits = new Map([...copy.lineEdits].filter(([id, edit]) => edit !== null || ids.has(id)));
  return { ...copy, base, baseVersion, lineEdits };
}

let counter = 0;
/** An id for a new line: unique in this browser session and valid for the schema (letters, digits, - _ .). */
export function newLineId(now: number = Date.now()): string {
  counter += 1;
  return `N-${now.toString(36)}-${counter}`;
}
