import type { TFinding } from '@budgetflow/domain';
import { useDeskI18n } from '../../lib/desk-i18n';
import type { TDeskMessageKey } from '../../lib/desk-i18n';
import { Modal } from '../../ui/modal';
import { FIELD_LABEL, type TLineField } from './grid/line-fields';

interface TLineChanges {
  added: number;
  removed: number;
  changed: number;
  changedLines: { id: string; fields: string[] }[];
}

/** What POST /api/budgets/{id}/workbook/previews answers: the budget as the workbook would make it. */
export interface TWorkbookPreview {
  previewId: string;
  baseVersion: number;
  expenditure: TLineChanges;
  income: TLineChanges;
  errorCount: number;
  findings: TFinding[];
}

/** Changed lines and findings named in full up to here; the counts are always whole. */
const SHOWN = 10;

function fieldLabel(field: string): TDeskMessageKey | undefined {
  if (field === 'source') return 'fundSource';
  return (FIELD_LABEL as Record<string, TDeskMessageKey | undefined>)[field as TLineField];
}

/**
 * The import preview: lines added, removed and changed, and the findings the budget would have.
 * Nothing is applied until the preparer confirms; cancelling (or Escape) throws the preview away.
 */
export function WorkbookPreviewDialog({ preview, busy, onConfirm, onCancel }: { preview: TWorkbookPreview; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t, locale } = useDeskI18n();
  const errors = preview.findings.filter((f) => f.severity === 'error');
  const warnings = preview.findings.length - errors.length;
  const part = (heading: TDeskMessageKey, changes: TLineChanges) => (
    <section aria-label={t(heading)}>
      <h3>{t(heading)}</h3>
      <p>{t('workbookPreviewCounts', { added: changes.added, removed: changes.removed, changed: changes.changed })}</p>
      {changes.changedLines.length > 0 && (
        <ul>
          {changes.changedLines.slice(0, SHOWN).map((c) => (
            <li key={c.id}>
              {t('workbookPreviewChanged', {
                id: c.id,
                fields: c.fields.map((f) => {
                  const key = fieldLabel(f);
                  return key === undefined ? f : t(key);
                }).join(locale === 'zh' ? '、' : ', '),
              })}
            </li>
          ))}
          {changes.changed > SHOWN && <li>…</li>}
        </ul>
      )}
    </section>
  );
  return (
    <Modal titleId="workbook-preview-title" onClose={onCancel}>
      <h2 id="workbook-preview-title">{t('workbookPreviewTitle')}</h2>
      <p>{t('workbookPreviewExplain')}</p>
      {part('workbookPreviewExpenditure', preview.expenditure)}
      {part('workbookPreviewIncome', preview.income)}
      <section aria-label={t('workbookPreviewFindings', { errors: errors.length, warnings })}>
        <h3>{preview.findings.length === 0 ? t('workbookPreviewNoFindings') : t('workbookPreviewFindings', { errors: errors.length, warnings })}</h3>
        {preview.findings.length > 0 && (
          <ul>
            {[...errors, ...preview.findings.filter((f) => f.severity !== 'error')].slice(0, SHOWN).map((f, i) => (
              <li key={`${f.ruleId}:${i}`} className={f.severity === 'error' ? 'problem' : 'muted'}>
                {f.message[locale]}
              </li>
            ))}
            {preview.findings.length > SHOWN && <li>…</li>}
          </ul>
        )}
      </section>
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {t('workbookPreviewConfirm')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </Modal>
  );
}
