import type { TInvalidEntry } from './use-part-draft';

/** What every form of one document part is given by the editor. */
export interface TPartFormProps<T> {
  value: T;
  editable: boolean;
  /** The working copy's invalid entries: a form's kept draft lives there while it is invalid. */
  invalid: ReadonlyMap<string, TInvalidEntry>;
  onApply(value: T): void;
  onInvalid(key: string, entry: TInvalidEntry | null): void;
}
