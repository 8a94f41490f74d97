import type { TListedFile } from '@budgetflow/domain';
import { useI18n } from '../../lib/i18n';

const ORDER = ['pdf', 'xlsx', 'csv', 'json', 'html'];
/** The reader's formats first, in that order; anything else (datapackage.json) after them. */
const rank = (format: string) => (ORDER.includes(format) ? ORDER.indexOf(format) : ORDER.length);

function size(bytes: number): string {
  return bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The published files with their size and sha256, so a reader can check what they downloaded. */
export function Downloads({ files }: { files: TListedFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return <p className="muted">{t('filesPending')}</p>;
  const sorted = [...files].sort(
    (a, b) => rank(a.format) - rank(b.format) || a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  return (
    <table className="list downloads">
      <thead>
        <tr>
          <th scope="col">{t('files')}</th>
          <th scope="col">{t('size')}</th>
          <th scope="col">sha256</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((f) => (
          <tr key={f.url}>
            <td>
              <a href={f.url} download data-format={f.format}>
                {f.format.toUpperCase()}
              </a>
              <span className="muted"> {f.name}</span>
            </td>
            <td>{size(f.size)}</td>
            <td>
              <code className="hash">{f.sha256}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
