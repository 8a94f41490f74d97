import { useState } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import type { TActionFields } from '../../lib/use-workflow-action';
import { ConfirmModal } from '../../ui/confirm-modal';

/** 更正: starting a correction of a published budget asks for its reason first. */
export function ReviseButton({ pending, onRevise }: { pending: boolean; onRevise(fields: Required<Pick<TActionFields, 'reason'>>): void }) {
  const { t } = useDeskI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('revise')}
      </button>
      {open && (
        <ConfirmModal
          title={t('revise')}
          confirmLabel={t('revise')}
          disabled={pending || reason.trim() === ''}
          onConfirm={() => {
            onRevise({ reason: reason.trim() });
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        >
          <label>
            {t('reviseReason')}
            <textarea name="reviseReason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </label>
          {reason.trim() === '' && <p className="muted">{t('reviseReasonRequired')}</p>}
        </ConfirmModal>
      )}
    </>
  );
}
