import type { ReactNode } from 'react';

/** A row of fields in a list form (one 预算单位, one 职能, one type of staff). */
export function FormRow({ children }: { children: ReactNode }) {
  return <div className="form-row">{children}</div>;
}

/** The × of a list row, named for screen readers (删除第 2 行). */
export function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="remove" aria-label={label} title={label} onClick={onClick}>
      ×
    </button>
  );
}
