import type { TExpenditureLine, TIncomeLine, TProject } from '@budgetflow/domain';
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { browserDraftStore, type TDraftStore } from './draft-store';
import { changeCount, dropUnchanged, rebase, type TInvalidCell, type TWorkingCopy } from './working-copy';

/** The person's edits of one budget as the browser keeps them, with the version they were made on. */
export interface TLocalDraft {
  baseVersion: number;
  lineEdits: ReadonlyMap<string, TExpenditureLine | null>;
  incomeEdits: ReadonlyMap<string, TIncomeLine | null>;
  projects: TProject[] | null;
  invalid: ReadonlyMap<string, TInvalidCell>;
  /** when it was written (ms since the epoch) */
  savedAt: number;
}

/** Writes wait this long after the last change, so a burst of keystrokes is one write. */
const WRITE_DELAY_MS = 150;

export const draftKey = (budgetId: string) => `budget:${budgetId}`;

function toDraft(copy: TWorkingCopy): TLocalDraft {
  return {
    baseVersion: copy.baseVersion,
    lineEdits: copy.lineEdits,
    incomeEdits: copy.incomeEdits,
    projects: copy.projects,
    invalid: copy.invalid,
    savedAt: Date.now(),
  };
}

/**
 * The draft's edits on the copy just loaded; on a newer version, as 'keep mine' after a conflict
 * would. Edits that leave a line as it is saved are not restored.
 */
export function restoreDraft(copy: TWorkingCopy, draft: TLocalDraft): TWorkingCopy {
  const withEdits: TWorkingCopy = {
    ...copy,
    lineEdits: draft.lineEdits,
    incomeEdits: draft.incomeEdits,
    projects: draft.projects,
    invalid: draft.invalid,
  };
  // A draft written just before its save landed holds what the server has now: nothing to restore.
  return dropUnchanged(rebase(withEdits, copy.base, copy.baseVersion));
}

/**
 * Keeps the working copy's unsaved edits in the browser as they are made, and once the budget
 * has loaded puts back those a reload or a crash left there. Answers the restored draft (for the
 * banner that offers to save it), a way to dismiss it, and whether the browser holds the copy as
 * it is now (`kept`).
 */
export function useLocalDraft(
  budgetId: string,
  copy: TWorkingCopy | null,
  setCopy: Dispatch<SetStateAction<TWorkingCopy | null>>,
  store: TDraftStore<TLocalDraft> | null = browserDraftStore<TLocalDraft>(),
) {
  const key = draftKey(budgetId);
  const storeRef = useRef(store);
  // Nothing is written before what the store held has been read: an empty copy would erase it.
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState<TLocalDraft | null>(null);
  // The copy last written (or found empty and the draft removed): what the browser holds.
  const [kept, setKept] = useState<TWorkingCopy | null>(null);
  const loaded = copy !== null;

  useEffect(() => {
    const drafts = storeRef.current;
    if (!loaded || ready) return;
    if (drafts === null) {
      setReady(true);
      return;
    }
    let cancelled = false;
    void drafts
      .get(key)
      .catch(() => undefined)
      .then((draft) => {
        if (cancelled) return;
        if (draft !== undefined) {
          setCopy((c) => (c === null || changeCount(c) > 0 ? c : restoreDraft(c, draft)));
          setRestored(draft);
        }
        setReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [loaded, ready, key, setCopy]);

  useEffect(() => {
    const drafts = storeRef.current;
    if (!ready || copy === null || drafts === null) return;
    const empty = changeCount(copy) === 0 && copy.invalid.size === 0;
    // Saved or discarded: what was restored is dealt with, and later edits are new ones.
    if (empty) setRestored(null);
    const timer = setTimeout(
      () =>
        void (empty ? drafts.remove(key) : drafts.put(key, toDraft(copy))).then(
          () => setKept(copy),
          () => setKept(null),
        ),
      WRITE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [ready, copy, key]);

  const dismiss = useCallback(() => setRestored(null), []);
  return { restored, ready, dismiss, kept: kept !== null && kept === copy };
}
