import type { TFinding } from '@budgetflow/domain';
import { useDeskI18n } from '../../lib/desk-i18n';
import type { TDeskMessageKey } from '../../lib/desk-i18n';
import type { TLocale } from '../../lib/i18n';
import { Modal } from '../../ui/modal';
import { formWord, type TFormTextKey } from './forms/form-text';
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
  /** By project id; a changed part (details, indicators …) is one field. */
  projects: TLineChanges;
  /** The department's parts changed besides. */
  otherParts: TOtherPart[];
  errorCount: number;
  findings: TFinding[];
}

/** The parts the API names besides the lines and projects, each by the sheet's words. */
const OTHER_PART_WORD = {
  units: 'workbookPreviewUnits',
  staffing: 'workbookPreviewStaffing',
  functions: 'workbookPreviewFunctions',
  performanceIndicators: 'workbookPreviewIndicators',
  priorYears: 'workbookPreviewPriorYears',
  changeReasons: 'workbookPreviewChangeReasons',
  otherMatters: 'workbookPreviewOtherMatters',
} as const satisfies Record<string, TDeskMessageKey>;
type TOtherPart = keyof typeof OTHER_PART_WORD;

/** Changed lines and findings named in full up to here; the counts are always whole. */
const SHOWN = 10;

function fieldLabel(field: string): TDeskMessageKey | undefined {
  if (field === 'source') return 'fundSource';
  return (FIELD_LABEL as Record<string, TDeskMessageKey | undefined>)[field as TLineField];
}

/** A project's fields by the project form's words, where the project's name differs from the line's. */
const PROJECT_FIELD_WORD: Readonly<Record<string, TFormTextKey>> = { name: 'projectName', unitCode: 'projectUnit', type: 'projectType' };

function projectFieldWord(locale: TLocale, field: string): string {
  return formWord(locale, PROJECT_FIELD_WORD[field] ?? field) ?? field;
}

/**
 * The import preview: lines added, removed and changed, and the findings the budget would have.
 * Nothing is applied until the preparer confirms; cancelling (or Escape) throws the preview away.
 */
export function WorkbookPreviewDialog({ preview, busy, onConfirm, onCancel }: { preview: TWorkbookPreview; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t, locale } = useDeskI18n();
  const errors = preview.findings.filter((f) => f.severity === 'error');
  const warnings = preview.findings.length - errors.length;
  const lineField = (f: string): string => {
    const key = fieldLabel(f);
    return key === undefined ? f : t(key);
  };
  const lines = { counts: 'workbookPreviewCounts', changed: 'workbookPreviewChanged', field: lineField } as const;
  const projects = { counts: 'workbookPreviewProjectCounts', changed: 'workbookPreviewProjectChanged', field: (f: string) => projectFieldWord(locale, f) } as const;
  const part = (heading: TDeskMessageKey, changes: TLineChanges, words: { counts: TDeskMessageKey; changed: TDeskMessageKey; field(f: string): string } = lines) => (
    <section aria-label={t(heading)}>
      <h3>{t(heading)}</h3>
      <p>{t(words.counts, { added: changes.added, removed: changes.removed, changed: changes.changed })}</p>
      {changes.changedLines.length > 0 && (
        <ul>
          {changes.changedLines.slice(0, SHOWN).map((c) => (
            <li key={c.id}>
              {t(words.changed, { id: c.id, fields: c.fields.map(words.field).join(locale === 'zh' ? '、' : ', ') })}
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
      {part('workbookPreviewProjects', preview.projects, projects)}
      {preview.otherParts.length > 0 && (
        <p>{t('workbookPreviewOtherParts', { parts: preview.otherParts.map((p) => t(OTHER_PART_WORD[p])).join(locale === 'zh' ? '、' : ', ') })}</p>
      )}
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
