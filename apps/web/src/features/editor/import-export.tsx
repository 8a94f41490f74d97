import { ZBudgetDocument, type TBudgetDocument } from '@budgetflow/domain';
import { useState } from 'react';
import { api, ApiError } from '../../lib/api-client';
import { useDeskI18n } from '../../lib/desk-i18n';
import { problemText } from '../../lib/problem-text';
import { documentPlace } from './forms/finding-place';
import { fieldMessages } from './forms/issue-messages';
import { XLSX_MEDIA_TYPE } from './use-budget-editor';
import { WorkbookPreviewDialog, type TWorkbookPreview } from './workbook-preview';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function isWorkbook(file: File): boolean {
  return file.type === XLSX_MEDIA_TYPE || file.name.toLowerCase().endsWith('.xlsx');
}

interface TMessage {
  error: boolean;
  text: string;
  /** Each cell or field refused, named as the person reads it, with its reason. */
  problems?: readonly string[];
}

/** Reads a workbook into a preview on the API: nothing changes until the preview is confirmed. */
function postWorkbookPreview(budgetId: string, file: File): Promise<TWorkbookPreview> {
  return api<TWorkbookPreview>(`/api/budgets/${budgetId}/workbook/previews`, { method: 'POST', file: new Blob([file], { type: XLSX_MEDIA_TYPE }) });
}

/** Cells at fault listed in full up to here; a workbook with more is usually the wrong file. */
const SHOWN_FIELDS = 20;

/**
 * Import a whole document: the workbook template (read and checked by the API, which names a bad
 * cell by sheet, row and column, then shown as a preview and applied once confirmed) or the
 * domain's JSON (checked with its schema before it is sent); export the saved one as either.
 */
export function ImportExport({
  budgetId,
  saved,
  editable,
  onImport,
  onImportWorkbook,
  previewWorkbook = postWorkbookPreview,
}: {
  budgetId: string;
  saved: TBudgetDocument;
  editable: boolean;
  onImport(doc: TBudgetDocument): Promise<void>;
  /** Applies a confirmed preview; answers the budget's line count after it. */
  onImportWorkbook(previewId: string): Promise<number>;
  previewWorkbook?(budgetId: string, file: File): Promise<TWorkbookPreview>;
}) {
  const { t, locale } = useDeskI18n();
  const [message, setMessage] = useState<TMessage | null>(null);
  const [preview, setPreview] = useState<TWorkbookPreview | null>(null);
  const [confirming, setConfirming] = useState(false);

  /**
   * A refusal in the page's words, never the API's English detail or a field's key: a file that is
   * no workbook says so; cells at fault are counted and listed as the API places them
   * (「支出」表第 5 行「金额」列：…); fields of an imported document by their place in the forms.
   */
  const failed = (error: unknown, source: 'workbook' | 'json') => {
    const fields = error instanceof ApiError ? error.fields : [];
    const listed = fields.filter((f) => f.path !== 'workbook');
    const reason =
      error instanceof ApiError && error.code === 'VALIDATION_FAILED' && fields.some((f) => f.path === 'workbook')
        ? t('importUnreadable')
        : listed.length > 0
          ? t('importProblems', { n: listed.length })
          : problemText(error, t);
    const problems = listed.map((f) => (source === 'workbook' ? f.message : documentPlace(f.path, locale)));
    setMessage({ error: true, text: t('importFailed', { reason }), problems });
  };

  const importJson = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setMessage({ error: true, text: t('importFailed', { reason: t('importNotJson') }) });
      return;
    }
    const parsed = ZBudgetDocument.safeParse(json);
    if (!parsed.success) {
      const problems = [...fieldMessages(parsed.error.issues, locale, '')].map(([path, why]) => `${documentPlace(path, locale) || t('importDocument')}：${why}`);
      setMessage({ error: true, text: t('importFailed', { reason: t('importProblems', { n: problems.length }) }), problems });
      return;
    }
    await onImport(parsed.data);
    setMessage({ error: false, text: t('imported', { n: parsed.data.expenditureLines.length }) });
  };

  const onFile = async (file: File) => {
    setMessage(null);
    const source = isWorkbook(file) ? 'workbook' : 'json';
    try {
      if (source === 'workbook') setPreview(await previewWorkbook(budgetId, file));
      else await importJson(file);
    } catch (error) {
      failed(error, source);
    }
  };

  const confirm = async (shown: TWorkbookPreview) => {
    setConfirming(true);
    try {
      setMessage({ error: false, text: t('imported', { n: await onImportWorkbook(shown.previewId) }) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setMessage({ error: true, text: t('workbookPreviewStale') });
      else failed(error, 'workbook');
    } finally {
      setConfirming(false);
      setPreview(null);
    }
  };

  const baseName = `budget-${saved.department.code}-${saved.fiscalYear}`;
  return (
    <div className="toolbar">
      {editable && (
        <label className="file-button">
          {t('importFile')}
          <input
            type="file"
            accept={`${XLSX_MEDIA_TYPE},.xlsx,application/json,.json`}
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file !== undefined) void onFile(file);
              e.target.value = '';
            }}
          />
        </label>
      )}
      {/* The template of the saved version, as the API writes it (same origin: the session cookie goes along). */}
      <a className="file-button" href={`/api/budgets/${budgetId}/workbook`} download={`${baseName}.xlsx`}>
        {t('exportWorkbook')}
      </a>
      <button type="button" onClick={() => download(`${baseName}.json`, JSON.stringify(saved, null, 2), 'application/json')}>
        {t('exportJson')}
      </button>
      {preview !== null && <WorkbookPreviewDialog preview={preview} busy={confirming} onConfirm={() => void confirm(preview)} onCancel={() => setPreview(null)} />}
      {message !== null && (
        <div role={message.error ? 'alert' : 'status'} className={message.error ? 'problem' : 'muted'}>
          {message.text}
          {message.problems !== undefined && message.problems.length > 0 && (
            <ul className="problem-fields">
              {message.problems.slice(0, SHOWN_FIELDS).map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
              {message.problems.length > SHOWN_FIELDS && <li>…</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
