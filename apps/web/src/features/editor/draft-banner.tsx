import { useDeskI18n } from '../../lib/desk-i18n';
import type { TLocalDraft } from './use-local-draft';

/** After a reload or a crash: the edits the browser kept are back; save them, or let them go. */
export function DraftBanner({
  restored,
  unsaved,
  canSave,
  onSave,
  onDiscard,
}: {
  restored: TLocalDraft;
  unsaved: number;
  canSave: boolean;
  onSave(): void;
  onDiscard(): void;
}) {
  const { t, locale } = useDeskI18n();
  return (
    <p className="banner" role="status">
      {t('draftRestored', { n: unsaved, at: new Date(restored.savedAt).toLocaleString(locale) })}{' '}
      <button type="button" className="primary" onClick={onSave} disabled={!canSave}>
        {t('save')}
      </button>{' '}
      <button type="button" onClick={onDiscard}>
        {t('draftDiscard')}
      </button>
    </p>
  );
}
