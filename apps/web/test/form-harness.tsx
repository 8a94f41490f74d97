import { act, render } from '@testing-library/react';
import { useState, type ComponentType } from 'react';
import type { TPartFormProps } from '../src/features/editor/forms/part-form';
import type { TInvalidEntry } from '../src/features/editor/forms/use-part-draft';
import { I18nProvider, type TLocale } from '../src/lib/i18n';

/**
 * A part form wired as the editor wires it: the applied value becomes the form's value again, and
 * the invalid entries live beside it (as in the working copy). `applied` records every valid change.
 */
export function renderPartForm<T, P extends object>(
  Form: ComponentType<TPartFormProps<T> & P>,
  value: T,
  extra: P,
  options: { editable?: boolean; locale?: TLocale } = {},
): { applied: T[]; invalid: Map<string, TInvalidEntry>; last(): T | undefined; unmount(): void; toggle(): void } {
  const applied: T[] = [];
  const invalid = new Map<string, TInvalidEntry>();
  let toggle: () => void = () => undefined;
  function Harness() {
    const [current, setCurrent] = useState(value);
    const [entries, setEntries] = useState<ReadonlyMap<string, TInvalidEntry>>(new Map());
    // The form leaves and comes back, as when the person switches tabs; the working copy stays.
    const [shown, setShown] = useState(true);
    toggle = () => setShown((s) => !s);
    if (!shown) return null;
    return (
      <Form
        {...extra}
        value={current}
        editable={options.editable ?? true}
        invalid={entries}
        onApply={(next) => {
          applied.push(next);
          setCurrent(next);
        }}
        onInvalid={(key, entry) => {
          if (entry === null) invalid.delete(key);
          else invalid.set(key, entry);
          setEntries(new Map(invalid));
        }}
      />
    );
  }
  const view = render(
    <I18nProvider initial={options.locale ?? 'zh'}>
      <Harness />
    </I18nProvider>,
  );
  return { applied, invalid, last: () => applied.at(-1), unmount: view.unmount, toggle: () => act(() => toggle()) };
}
