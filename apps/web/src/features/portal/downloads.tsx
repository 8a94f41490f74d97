import type { TListedFile } from '@budgetflow/domain';
import { useI18n } from '../../lib/i18n';
import type { TMessageKey } from '../../lib/i18n-messages';

/** The reader's formats in this order, each named for what it is to them; anything else after. */
const FORMATS: { format: string; label: TMessageKey }[] = [
  { format: 'pdf', label: 'formatPdf' },
  { format: 'xlsx', label: 'formatXlsx' },
  { format: 'csv', label: 'formatCsv' },
  { format: 'json', label: 'formatJson' },
  { format: 'html', label: 'formatHtml' },
  { format: 'datapackage', label: 'formatDatapackage' },
];
const rank = (format: string) => {
  const i = FORMATS.findIndex((f) => f.format === format);
  return i === -1 ? FORMATS.length : i;
};

export function fileSize(bytes: number): string {
  return bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * What a published file holds, in words: the whole disclosure, the lines, a table (t5.csv: 表5), a
 * package's description; the file's own name (English, for machines) is kept for the download only.
 */
function fileContent(name: string, t: ReturnType<typeof useI18n>['t']): string {
  const table = /^t(\d+)\./.exec(name)?.[1];
  if (table !== undefined) return t('fileTable', { n: table });
  if (name.startsWith('lines.')) return t('fileLines');
  if (name.startsWith('datapackage.')) return t('fileTables');
  return t('fileDisclosure');
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
  const label = (format: string) => {
    const known = FORMATS.find((f) => f.format === format);
    return t(known === undefined ? 'formatOther' : known.label);
  };
  return (
    <>
      <ul className="downloads">
        {sorted.map((f) => (
          <li key={f.url}>
            <a href={f.url} download={f.name} data-format={f.format}>
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
