import type { TExpenditureLine } from '@budgetflow/domain';
import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import type { TUndo } from '../use-undo';
import { lineOf, putLines, type TWorkingCopy } from '../working-copy';

type TCopyState = TWorkingCopy | null;
type TLineValues = readonly (readonly [string, TExpenditureLine | null])[];

const put = (values: TLineValues) => (c: TCopyState) => (c === null ? c : putLines(c, values));

/**
 * Every change of the grid's lines as an undoable step: a typed cell (its keystrokes one step),
 * a paste or fill down (one step however many lines), a removal. Each step remembers the lines'
 * values before and after, and puts them back by id, so it undoes after a save too.
 */
export function useLineEdits(
  copy: TCopyState,
  setCopy: Dispatch<SetStateAction<TCopyState>>,
  undo: TUndo<TCopyState>,
) {
  const latest = useRef(copy);
  latest.current = copy;
  const { record } = undo;

  const change = useCallback(
    (values: TLineValues, label: string, mergeKey?: string) => {
      const current = latest.current;
      if (current === null) return;
      const before = values.map(([id]) => [id, lineOf(current, id) ?? null] as const);
      latest.current = putLines(current, values);
      setCopy(put(values));
      record({
        label,
        undo: put(before),
        redo: put(values),
        ...(mergeKey === undefined ? {} : { mergeKey }),
      });
    },
    [setCopy, record],
  );

  const onLineChange = useCallback(
    (line: TExpenditureLine, field?: string) =>
      change([[line.id, line]], 'edit', field === undefined ? undefined : `${line.id}:${field}`),
    [change],
  );
  const onLinesPut = useCallback(
    (lines: readonly TExpenditureLine[], label: string) =>
      change(
        lines.map((l) => [l.id, l] as const),
        label,
      ),
    [change],
  );
  const onLineRemove = useCallback((id: string) => change([[id, null]], 'remove'), [change]);
  return { onLineChange, onLinesPut, onLineRemove };
}
