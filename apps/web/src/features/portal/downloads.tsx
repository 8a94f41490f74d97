import type { TListedFile } from '@budgetflow/domain';
import { useI18n } from '../../lib/i18n';
import type { TMessageKey } from '../../lib/i18n-messages';
import { FILE_FORMATS, FILE_GROUPS, fileContent, fileGroup, formatLabel, type TFileGroup, type TTableNumbers } from './file-names';

const GROUP_TITLES: Record<TFileGroup, TMessageKey> = {
  whole: 'downloadsWhole',
  tables: 'downloadsTables',
  openData: 'downloadsOpenData',
};

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
 * sizes, grouped: the whole document, each table (named as the document numbers it: 表五), the
 * open data; the sha256 of each one click away, for whoever checks what they downloaded.
 */
export function Downloads({ files, tables }: { files: TListedFile[]; tables?: TTableNumbers }) {
  const { t } = useI18n();
  if (files.length === 0) return <p className="muted">{t('filesPending')}</p>;
  const sorted = [...files].sort(
    (a, b) => rank(a.format) - rank(b.format) || a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  const label = (f: TListedFile) => `${formatLabel(f.format, t)} ${fileContent(f.name, t, tables)}`;
  const groups = FILE_GROUPS.map((group) => ({ group, files: sorted.filter((f) => fileGroup(f.name, f.format) === group) })).filter(
    (g) => g.files.length > 0,
  );
  return (
    <>
      {groups.map(({ group, files: listed }) => (
        <section key={group} className="downloads-group" aria-labelledby={`downloads-${group}`}>
          <h3 id={`downloads-${group}`}>{t(GROUP_TITLES[group])}</h3>
          <ul className="downloads">
            {listed.map((f) => (
              <li key={f.url}>
                <a href={f.url} download={f.downloadName ?? f.name} data-format={f.format}>
                  {label(f)}
                </a>{' '}
                <span className="muted">· {fileSize(f.size)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
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
                  {formatLabel(f.format, t)} · {fileContent(f.name, t, tables)}
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
