import { useId, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { Modal } from './modal';

/** A question before an action that cannot be taken back: confirm (when allowed) or cancel. */
export function ConfirmModal({
  title,
  confirmLabel,
  disabled = false,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  confirmLabel: string;
  disabled?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <Modal titleId={titleId} onClose={onCancel}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="toolbar">
        <button type="button" className="primary" disabled={disabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </Modal>
  );
}
