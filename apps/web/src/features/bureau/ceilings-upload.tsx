import { useState } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import { ErrorBanner } from '../../ui/error-banner';
import { fenText } from '../ceilings/fen-text';
import type { TCeilingsWire } from '../ceilings/use-ceilings';
import { useCeilingsUpload } from './use-bureau';

const total = (ceilings: TCeilingsWire | null) => (ceilings?.total === undefined ? '—' : fenText(ceilings.total));

/** Issue many departments' ceilings from a sheet (.xlsx or .csv): a preview beside those in force, then a confirmation. */
export function CeilingsUpload({ year }: { year: number }) {
  const { t } = useDeskI18n();
  const { upload, confirm } = useCeilingsUpload(year);
  const [file, setFile] = useState<File | null>(null);
  const preview = confirm.data ?? upload.data;
  return (
    <section aria-labelledby="ceilings-upload-title">
      <h2 id="ceilings-upload-title">{t('ceilingsUploadTitle')}</h2>
      <p className="muted">{t('ceilingsUploadHint')}</p>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          if (file !== null) upload.mutate(file);
        }}
      >
        <label>
          {t('ceilingsSheet')}
          <input type="file" accept=".xlsx,.csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={file === null || upload.isPending}>
          {t('ceilingsPreview')}
        </button>
      </form>
      <ErrorBanner error={upload.error ?? confirm.error} />
      {preview !== undefined && (
        <>
          {preview.problems.length > 0 && (
            <ul className="banner error" role="alert" aria-label={t('ceilingsProblems')}>
              {preview.problems.map((p) => (
                <li key={`${p.position}/${p.column}/${p.reason}`}>
                  {p.position} {p.column} {p.reason}
                </li>
              ))}
            </ul>
          )}
          <table>
            <caption>{t('ceilingsPreviewCaption', { n: preview.rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('department')}</th>
                <th scope="col">{t('ceilingsCurrentTotal')}</th>
                <th scope="col">{t('ceilingsNewTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.position}>
                  <th scope="row">{r.departmentName ?? r.departmentCode}</th>
                  <td className="num">{total(r.current)}</td>
                  <td className="num">{total(r.ceilings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.confirmed ? (
            <p role="status">{t('ceilingsIssued')}</p>
          ) : (
            <button type="button" className="primary" disabled={preview.problems.length > 0 || confirm.isPending} onClick={() => confirm.mutate(preview.uploadId)}>
              {t('ceilingsConfirm', { n: preview.rows.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
