import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { UndoHistory, type TUndoStep } from './undo-history';

/**
 * Undo and redo over a piece of React state: `record` a step as it is applied, `undo`/`redo`
 * apply the stored step to the state of the moment. The history lives as long as the page.
 */
export function useUndo<S>(setState: Dispatch<SetStateAction<S>>) {
  const history = useRef(new UndoHistory<S>()).current;
  // Bumped on every change of the stacks, so that buttons follow them.
  const [, setTick] = useState(0);
  const touch = () => setTick((n) => n + 1);

  const record = useCallback(
    (step: TUndoStep<S>) => {
      history.record(step);
      touch();
    },
    [history],
  );
  const replay = useCallback(
    (take: () => TUndoStep<S> | undefined, direction: 'undo' | 'redo') => {
      const step = take();
      if (step === undefined) return;
      setState((s) => step[direction](s));
      touch();
    },
    [setState],
  );
  const undo = useCallback(() => replay(() => history.takeUndo(), 'undo'), [history, replay]);
  const redo = useCallback(() => replay(() => history.takeRedo(), 'redo'), [history, replay]);
  const seal = useCallback(() => history.seal(), [history]);

  return { record, undo, redo, seal, nextUndo: history.nextUndo, nextRedo: history.nextRedo };
}
export type TUndo<S> = ReturnType<typeof useUndo<S>>;
