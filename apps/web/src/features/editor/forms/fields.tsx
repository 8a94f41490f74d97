import { useState, type ReactNode } from 'react';
import { groupYuan, parseYuanInput } from '../../../lib/yuan-text';

/** The element id of a document field, as findings name it (`department.functions.0`). */
export const fieldId = (path: string) => `field-${path}`;

interface TFieldProps {
  path: string;
  label: string;
  errors: ReadonlyMap<string, string>;
  readOnly: boolean;
}

/** A label, the control, and the schema's message next to it (announced, tied by aria-describedby). */
export function Labelled({ path, label, errors, children }: Omit<TFieldProps, 'readOnly'> & { children: (aria: object) => ReactNode }) {
  const message = errors.get(path);
  const messageId = `${fieldId(path)}-message`;
  const aria = {
    id: fieldId(path),
    'aria-invalid': message === undefined ? undefined : true,
    'aria-describedby': message === undefined ? undefined : messageId,
  };
  return (
    <div className={`form-field${message === undefined ? '' : ' invalid'}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      {children(aria)}
      {message !== undefined && (
        <span id={messageId} className="field-message" role="alert">
          {message}
        </span>
      )}
    </div>
  );
}

export function TextField(props: TFieldProps & { value: string; onChange(value: string): void; multiline?: boolean; list?: string }) {
  const { value, onChange, multiline, readOnly, list } = props;
  return (
    <Labelled {...props}>
      {(aria) =>
        multiline === true ? (
          <textarea {...aria} rows={3} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...aria} value={value} readOnly={readOnly} list={list} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Labelled>
  );
}

/** A whole number (人数); what is not one is handed on as typed, for the schema to refuse. */
export function IntField(props: TFieldProps & { value: number; onChange(value: number | string): void }) {
  const { value, onChange, readOnly } = props;
  return (
    <Labelled {...props}>
      {(aria) => (
        <input
          {...aria}
          inputMode="numeric"
          value={Number.isNaN(value) ? '' : String(value)}
          readOnly={readOnly}
          onChange={(e) => {
            const text = e.target.value.trim();
            onChange(/^\d+$/.test(text) ? Number(text) : text);
          }}
        />
      )}
    </Labelled>
  );
}

/**
 * An amount in 元: typed as the person writes it ("1,234.5"), handed on as typed for the schema
 * (ZAmount) to make canonical or refuse; shown with thousands separators when not being typed.
 * `optional`: an empty field is no amount (undefined) rather than a missing one.
 */
export function AmountField(
  props: TFieldProps & { value: string | undefined; optional?: boolean; onChange(value: string | undefined): void },
) {
  const { value, onChange, readOnly, optional } = props;
  const [typing, setTyping] = useState(false);
  const parsed = value === undefined ? undefined : parseYuanInput(value);
  const shown = value === undefined ? '' : typing || parsed?.ok !== true ? value : groupYuan(parsed.yuan);
  return (
    <Labelled {...props}>
      {(aria) => (
        <input
          {...aria}
          inputMode="decimal"
          className="amount"
          value={shown}
          readOnly={readOnly}
          onFocus={() => setTyping(true)}
          onBlur={() => setTyping(false)}
          onChange={(e) => onChange(optional === true && e.target.value.trim() === '' ? undefined : e.target.value)}
        />
      )}
    </Labelled>
  );
}

export function SelectField<V extends string>(
  props: TFieldProps & { value: V | ''; options: readonly { value: V | ''; label: string }[]; onChange(value: V | ''): void },
) {
  const { value, options, onChange, readOnly } = props;
  return (
    <Labelled {...props}>
      {(aria) => (
        <select {...aria} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value as V | '')}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}
