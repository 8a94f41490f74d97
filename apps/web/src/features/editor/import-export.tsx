import { ZBudgetDocument, type TBudgetDocument } from '@budgetflow/domain';
import { useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Import a whole document (the domain's JSON, checked with its schema before it is sent) and
 * export the saved one.
 */
export function ImportExport({
  saved,
  editable,
  onImport,
}: {
  saved: TBudgetDocument;
  editable: boolean;
  onImport(doc: TBudgetDocument): Promise<void>;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const onFile = async (file: File) => {
    setMessage(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      setMessage({
        error: true,
        text: t('importFailed', { reason: error instanceof Error ? error.message : String(error) }),
      });
      return;
    }
    const parsed = ZBudgetDocument.safeParse(json);
    if (!parsed.success) {
      const reasons = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      setMessage({ error: true, text: t('importFailed', { reason: reasons.join('; ') }) });
      return;
    }
    try {
      await onImport(parsed.data);
      setMessage({ error: false, text: t('imported', { n: parsed.data.expenditureLines.length }) });
    } catch (error) {
      setMessage({
        error: true,
        text: t('importFailed', { reason: error instanceof Error ? error.message : String(error) }),
      });
    }
  };

  return (
    <div className="toolbar">
      {editable && (
        <label className="file-button">
          {t('importJson')}
          <input
            ref={input}
            type="file"
            accept="application/json,.json"
            data-testid="import-json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file !== undefined) void onFile(file);
              e.target.value = '';
            }}
          />
        </label>
      )}
      <button
        type="button"
        onClick={() =>
          download(
            `budget-${saved.department.code}-${saved.fiscalYear}.json`,
            JSON.stringify(saved, null, 2),
            'application/json',
          )
        }
      >
        {t('exportJson')}
      </button>
      {message !== null && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'problem' : 'muted'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
