import type { ReactNode } from 'react';
import { useFormText } from './form-text';
import { removeAt, replaceAt } from './list-edit';
import { RemoveButton } from './row-buttons';

/** One list of a project (fund sources, details, procurement, prior years): its rows, add and remove. */
export function ProjectRows<R>({
  path,
  title,
  addLabel,
  rows,
  editable,
  empty,
  onChange,
  render,
}: {
  path: string;
  title: string;
  addLabel: string;
  rows: readonly R[];
  editable: boolean;
  empty: R;
  onChange(rows: R[]): void;
  render(row: R, index: number, change: (row: R) => void): ReactNode;
}) {
  const { f } = useFormText();
  return (
    <fieldset id={`field-${path}`}>
      <legend>{title}</legend>
      {rows.map((row, i) => (
        <div key={i} className="form-row">
          {render(row, i, (next) => onChange(replaceAt(rows, i, next)))}
          {editable && <RemoveButton label={`${title} · ${f('removeRow', { n: i + 1 })}`} onClick={() => onChange(removeAt(rows, i))} />}
        </div>
      ))}
      {editable && (
        <button type="button" onClick={() => onChange([...rows, empty])}>
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}
