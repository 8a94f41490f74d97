import { useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { useDeskI18n } from '../../../lib/desk-i18n';
import type { TInvalidCell } from '../working-copy';
import { fieldMessages } from './issue-messages';

/** A form's draft kept while invalid: its JSON and the first reason. */
export type TInvalidEntry = TInvalidCell;

export interface TPartDraft<T> {
  draft: T;
  /** Messages by field path (`department.units.0.code`), in the person's language. */
  errors: ReadonlyMap<string, string>;
  update(next: T): void;
}

/**
 * A form's draft of one part of the document. Each change is checked with the domain's schema:
 * a valid draft goes to the working copy at once; an invalid one is kept (as JSON under
 * `form:<part>` in the working copy's invalid entries, which also holds saving back) so that
 * nothing typed is lost when the person switches tabs and comes back.
 */
export function usePartDraft<S extends z.ZodType>(
  part: string,
  value: z.output<S>,
  schema: S,
  invalid: ReadonlyMap<string, TInvalidEntry>,
  onApply: (parsed: z.output<S>) => void,
  onInvalid: (key: string, entry: TInvalidEntry | null) => void,
): TPartDraft<z.output<S>> {
  const { locale } = useDeskI18n();
  const key = `form:${part}`;
  const stored = invalid.get(key);
  const [draft, setDraft] = useState<z.output<S>>(() =>
    stored === undefined ? value : (JSON.parse(stored.text) as z.output<S>),
  );
  const applied = useRef<unknown>(value);
  // A value that did not come from this form (a reload, an import, a save) replaces the draft.
  useEffect(() => {
    if (value !== applied.current && !invalid.has(key)) {
      applied.current = value;
      setDraft(value);
    }
  }, [value, invalid, key]);
  const result = useMemo(() => schema.safeParse(draft), [schema, draft]);
  const errors = useMemo(
    () => (result.success ? new Map<string, string>() : fieldMessages(result.error.issues, locale, part)),
    [result, locale, part],
  );
  const update = (next: z.output<S>) => {
    setDraft(next);
    const parsed = schema.safeParse(next);
    if (parsed.success) {
      applied.current = parsed.data;
      onApply(parsed.data);
      if (invalid.has(key)) onInvalid(key, null);
    } else {
      const first = (l: 'zh' | 'en') => fieldMessages(parsed.error.issues, l, part).values().next().value ?? '';
      onInvalid(key, { text: JSON.stringify(next), reason: { zh: first('zh'), en: first('en') } });
    }
  };
  return { draft, errors, update };
}
