import { useRef, useState } from 'react';
import type { TLocalizedText } from '@budgetflow/domain';
import { useDeskI18n } from '../../lib/desk-i18n';
import { groupYuan, parseYuanInput } from '../../lib/yuan-text';
import type { TInvalidCell } from './working-copy';

interface TProps {
  /** canonical 元, e.g. "1234.50" */
  value: string;
  /** what was typed last when it is not an amount */
  invalid?: TInvalidCell | undefined;
  onValid(yuan: string): void;
  onInvalid(text: string, reason: TLocalizedText): void;
  label: string;
  cellId?: string;
}

/**
 * An amount typed in 元: "1,234.5" or "1234.50"; shown exactly with thousands separators. Each
 * keystroke that makes an amount updates the line (and the live tables); text that is not one is
 * kept as typed and marked, with the domain's reason. Esc puts back the amount the cell had when
 * it was entered.
 */
export function AmountCell({ value, invalid, onValid, onInvalid, label, cellId }: TProps) {
  const { locale } = useDeskI18n();
  // What is typed, with the amount it was typed against: a paste, fill down or undo that changes
  // the amount while the cell has the cursor shows the new amount rather than the old text.
  const [typed, setTyped] = useState<{ text: string; forValue: string } | null>(null);
  const editing = typed !== null && typed.forValue === value ? typed.text : null;
  const setEditing = (text: string | null, forValue = value) =>
    setTyped(text === null ? null : { text, forValue });
  const atFocus = useRef(value);
  const shown = editing ?? invalid?.text ?? groupYuan(value);
  return (
    <input
      inputMode="decimal"
      aria-label={label}
      aria-invalid={invalid !== undefined || undefined}
      title={invalid?.reason[locale]}
      data-cell={cellId}
      value={shown}
      onFocus={(e) => {
        atFocus.current = value;
        setEditing(shown);
        e.currentTarget.select();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || editing === null) return;
        e.preventDefault();
        setEditing(groupYuan(atFocus.current), atFocus.current);
        onValid(atFocus.current);
      }}
      onChange={(e) => {
        const text = e.target.value;
        const parsed = parseYuanInput(text);
        setEditing(text, parsed.ok ? parsed.yuan : value);
        if (parsed.ok) onValid(parsed.yuan);
        else onInvalid(text, parsed.reason);
      }}
      onBlur={() => setEditing(null)}
    />
  );
}
