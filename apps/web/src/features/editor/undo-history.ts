/**
 * One undoable step over a state S (the editor's working copy): how to take it back and how to
 * make it again, each a function of the state at that moment, so that a step still undoes after
 * a save has moved the base it was made on. `mergeKey`: consecutive steps with the same key (the
 * keystrokes typed into one cell) are one step, until the history is sealed (the cursor moved).
 */
export interface TUndoStep<S> {
  label: string;
  undo(state: S): S;
  redo(state: S): S;
  mergeKey?: string;
}

/** The most steps kept; older ones are forgotten first. */
const LIMIT = 500;

/** Undo and redo stacks, plain data: the editor keeps one per page, so it lasts until the page is left. */
export class UndoHistory<S> {
  private done: TUndoStep<S>[] = [];
  private undone: TUndoStep<S>[] = [];
  private sealed = true;

  record(step: TUndoStep<S>): void {
    const top = this.done.at(-1);
    if (!this.sealed && top !== undefined && step.mergeKey !== undefined && top.mergeKey === step.mergeKey) {
      this.done[this.done.length - 1] = { ...top, redo: step.redo };
    } else {
      this.done.push(step);
      if (this.done.length > LIMIT) this.done.shift();
    }
    this.undone = [];
    this.sealed = false;
  }

  /** The next step starts a new entry even if it has the same merge key. */
  seal(): void {
    this.sealed = true;
  }

  /** The step to take back (moved to the redo stack), or undefined when there is none. */
  takeUndo(): TUndoStep<S> | undefined {
    const step = this.done.pop();
    if (step !== undefined) this.undone.push(step);
    this.sealed = true;
    return step;
  }

  takeRedo(): TUndoStep<S> | undefined {
    const step = this.undone.pop();
    if (step !== undefined) this.done.push(step);
    this.sealed = true;
    return step;
  }

  get nextUndo(): TUndoStep<S> | undefined {
    return this.done.at(-1);
  }

  get nextRedo(): TUndoStep<S> | undefined {
    return this.undone.at(-1);
  }
}
