import { useDeskI18n } from '../../../lib/desk-i18n';
import { FIELD_LABEL } from './line-fields';
import type { TPasteOutcome } from './paste-block';

export type TGridNotice = { kind: 'paste'; outcome: TPasteOutcome } | { kind: 'removed'; rowNo: number };

/** What the last paste recognised and refused (row, column, reason), or a removal with its undo. */
export function GridNotice({
  notice,
  onUndo,
  onClose,
}: {
  notice: TGridNotice;
  onUndo: (() => void) | undefined;
  onClose(): void;
}) {
  const { t } = useDeskI18n();
  return (
    <div
      className={`banner grid-notice${notice.kind === 'paste' && notice.outcome.refused.length > 0 ? ' error' : ''}`}
      role="status"
    >
      {notice.kind === 'removed' ? (
        <span>{t('gridRemoved', { n: notice.rowNo })}</span>
      ) : (
        <>
          <span>
            {t('pasteSummary', {
              recognised: notice.outcome.recognised,
              lines: notice.outcome.lines.length,
              added: notice.outcome.added,
              refused: notice.outcome.refused.length,
            })}
          </span>
          {notice.outcome.refused.length > 0 && (
            <ul aria-label={t('pasteRefused')}>
              {notice.outcome.refused.map((r) => (
                <li key={`${r.row}:${r.field ?? ''}:${r.text}`}>
                  {t('pasteRefusedCell', {
                    row: r.row,
                    column: r.field === null ? '—' : t(FIELD_LABEL[r.field]),
                    text: r.text,
                    reason: r.reason,
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {onUndo !== undefined && (
        <button
          type="button"
          onClick={() => {
            onUndo();
            onClose();
          }}
        >
          {t(notice.kind === 'removed' ? 'undoRemove' : 'undoPaste')}
        </button>
      )}
      <button type="button" className="link" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
