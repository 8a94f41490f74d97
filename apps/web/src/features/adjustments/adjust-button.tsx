import { ADJUSTMENT_KINDS, type AdjustmentKind } from '@budgetflow/domain';
import { useState } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import type { TActionFields } from '../../lib/use-workflow-action';
import { ConfirmModal } from '../../ui/confirm-modal';

/** 预算调整 after 批复: the preparer names the kind (调剂, 追加, 调减) and the reason, both required. */
export function AdjustButton({ pending, onAdjust }: { pending: boolean; onAdjust(fields: Required<Pick<TActionFields, 'kind' | 'reason'>>): void }) {
  const { t } = useDeskI18n();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<AdjustmentKind | ''>('');
  const [reason, setReason] = useState('');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('adjustRequest')}
      </button>
      {open && (
        <ConfirmModal
          title={t('adjustRequest')}
          confirmLabel={t('adjustRequest')}
          disabled={pending || kind === '' || reason.trim() === ''}
          onConfirm={() => {
            if (kind === '') return;
            onAdjust({ kind, reason: reason.trim() });
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        >
          <p className="muted">{t('adjustIntro')}</p>
          <label>
            {t('adjustKind')}
            <select name="adjustKind" value={kind} aria-invalid={kind === '' || undefined} onChange={(e) => setKind(e.target.value as AdjustmentKind | '')} autoFocus>
              <option value="">{t('adjustKindChoose')}</option>
              {ADJUSTMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`adjustKind_${k}`)}（{t(`adjustKindHelp_${k}`)}）
                </option>
              ))}
            </select>
          </label>
          {kind === '' && <p className="problem">{t('adjustKindRequired')}</p>}
          <label>
            {t('adjustReason')}
            <textarea name="adjustReason" rows={3} maxLength={2000} value={reason} aria-invalid={reason.trim() === '' || undefined} onChange={(e) => setReason(e.target.value)} />
          </label>
          {reason.trim() === '' && <p className="problem">{t('adjustReasonRequired')}</p>}
        </ConfirmModal>
      )}
    </>
  );
}
