import type { ReactNode } from 'react';

/** A loading or error line, announced to screen readers. */
export function Status({ children, error = false }: { children: ReactNode; error?: boolean }) {
  return (
    <p className={error ? 'status problem' : 'status'} role={error ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
