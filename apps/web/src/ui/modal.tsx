import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog: labelled by its title, focus moved inside when it opens and back where it was
 * when it closes; Escape calls onClose when one is given.
 */
export function Modal({
  titleId,
  children,
  onClose,
}: {
  titleId: string;
  children: ReactNode;
  onClose?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('[autofocus], button, input, textarea, select')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="modal card"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onClose) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        {children}
      </div>
    </div>
  );
}
