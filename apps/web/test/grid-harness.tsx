import { catalogueForYear, type TBudgetDocument } from '@budgetflow/domain';
import { useState } from 'react';
import { LineGrid } from '../src/features/editor/line-grid';
import { useLineEdits } from '../src/features/editor/grid/use-line-edits';
import type { TDraftStore } from '../src/features/editor/draft-store';
import { useLocalDraft, type TLocalDraft } from '../src/features/editor/use-local-draft';
import { useUndo } from '../src/features/editor/use-undo';
import {
  changeCount,
  commitSaved,
  currentLines,
  startWorkingCopy,
  type TWorkingCopy,
} from '../src/features/editor/working-copy';
import { I18nProvider } from '../src/lib/i18n';

/**
 * The grid wired as the editor wires it: a working copy, the page's undo history, the line
 * edits through it and (when a store is given) the browser's draft. Shows the unsaved count.
 */
function Harness({ doc, store, lockedUnits }: { doc: TBudgetDocument; store: TDraftStore<TLocalDraft> | null; lockedUnits?: ReadonlyMap<string, string> }) {
  const [copy, setCopy] = useState<TWorkingCopy | null>(() => startWorkingCopy(doc, 1));
  const history = useUndo(setCopy);
  const edits = useLineEdits(copy, setCopy, history);
  const draft = useLocalDraft('B1', copy, setCopy, store);
  if (copy === null) return null;
  return (
    <>
      <button type="button" onClick={history.undo} disabled={history.nextUndo === undefined}>
        撤销
      </button>
      <button type="button" onClick={history.redo} disabled={history.nextRedo === undefined}>
        重做
      </button>
      {/* a save as the editor commits one: what was sent becomes the base, at the next version */}
      <button
        type="button"
        onClick={() => setCopy((c) => (c === null ? c : commitSaved(c, c, c.baseVersion + 1)))}
      >
        保存
      </button>
      <output aria-label="未保存">{changeCount(copy)}</output>
      {draft.restored !== null && <p role="note">已恢复</p>}
      <LineGrid
        lines={currentLines(copy)}
        document={doc}
        catalogue={catalogueForYear(doc.fiscalYear)}
        editable
        dirty={new Set(copy.lineEdits.keys())}
        cellFindings={new Map()}
        invalid={copy.invalid}
        onLineChange={edits.onLineChange}
        onLinesPut={edits.onLinesPut}
        onLineRemove={edits.onLineRemove}
        onInvalidCell={() => undefined}
        onUndo={history.undo}
        onCellLeave={history.seal}
        lockedUnits={lockedUnits}
      />
    </>
  );
}

/** `lockedUnits`: the units whose lines are read-only (a department budget's units with a budget of their own). */
export function gridHarness(doc: TBudgetDocument, store: TDraftStore<TLocalDraft> | null = null, lockedUnits?: ReadonlyMap<string, string>) {
  return (
    <I18nProvider initial="zh">
      <Harness doc={doc} store={store} lockedUnits={lockedUnits} />
    </I18nProvider>
  );
}
