import type { TListedFile } from '@budgetflow/domain';
import { useI18n } from '../../lib/i18n';
import { FILE_FORMATS, fileContent, formatLabel } from './file-names';

const rank = (format: string) => {
  const i = FILE_FORMATS.findIndex((f) => f.format === format);
  return i === -1 ? FILE_FORMATS.length : i;
};

export function fileSize(bytes: number): string {
  return bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The published files by format in words (PDF 全文, Excel 表格, 开放数据 CSV, JSON) with their
 * sizes; the sha256 of each one click away, for whoever checks what they downloaded.
 */
export function Downloads({ files }: { files: TListedFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return <p className="muted">{t('filesPending')}</p>;
  const sorted = [...files].sort(
    (a, b) => rank(a.format) - rank(b.format) || a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  const label = (format: string) => formatLabel(format, t);
  return (
    <>
      <ul className="downloads">
        {sorted.map((f) => (
          <li key={f.url}>
            <a href={f.url} download={f.downloadName ?? f.name} data-format={f.format}>
              {label(f.format)} {fileContent(f.name, t)}
            </a>{' '}
            <span className="muted">· {fileSize(f.size)}</span>
          </li>
        ))}
      </ul>
      <details className="hashes">
        <summary>{t('hashes')}</summary>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('files')}</th>
              <th scope="col">{t('hashColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((f) => (
              <tr key={f.url} data-url={f.url}>
                <th scope="row">
                  {label(f.format)} · {fileContent(f.name, t)}
                </th>
                <td>
                  <code className="hash">{f.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
