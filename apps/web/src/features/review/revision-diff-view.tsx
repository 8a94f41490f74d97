import {
  MoneyError,
  parseFen,
  type TCellChange,
  type TDisclosure,
  type TExpenditureLine,
  type TRevisionDiff,
} from '@budgetflow/domain';
import { useI18n } from '../../lib/i18n';
import { groupYuan } from '../../lib/yuan-text';
import { cellLabel } from './cell-label';

/** A value as a reviewer reads it: amounts grouped, blanks as "—". */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value)) {
    try {
      parseFen(value);
      return groupYuan(value);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
    }
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function OldNew({ before, after }: { before: unknown; after: unknown }) {
  return (
    <>
      <span className="diff-old">{shown(before)}</span> → <span className="diff-new">{shown(after)}</span>
    </>
  );
}

/**
 * The difference between two revisions, cell by cell: lines added, removed and changed (old →
 * new per field), table cells that moved grouped by table, findings that appeared or went away.
 * Clicking a line anchors a comment to it.
 */
export function RevisionDiffView({
  diff,
  disclosure,
  onPickLine,
}: {
  diff: TRevisionDiff;
  disclosure: TDisclosure | undefined;
  onPickLine(lineId: string): void;
}) {
  const { t, locale } = useI18n();
  const lines = diff.expenditureLines;
  const byTable = new Map<string, { change: TCellChange; cell: string }[]>();
  for (const change of diff.cells) {
    const { group, cell } = cellLabel(change, disclosure, t('part3Short'));
    byTable.set(group, [...(byTable.get(group) ?? []), { change, cell }]);
  }
  const lineLabel = (l: TExpenditureLine) => `${l.id} · ${l.functionCode}/${l.economicCode}`;
  const empty =
    lines.added.length +
      lines.removed.length +
      lines.changed.length +
      diff.cells.length +
      diff.projects.changed.length +
      diff.incomeLines.changed.length ===
    0;
  if (empty) return <p>{t('noDifference')}</p>;
  return (
    <div className="revision-diff">
      <h3>{t('lineChanges')}</h3>
      <table className="list" aria-label={t('lineChanges')}>
        <tbody>
          {lines.changed.map((c) => (
            <tr key={c.key} data-line={c.key}>
              <td>{t('changed')}</td>
              <td>
                <button type="button" className="link" onClick={() => onPickLine(c.key)}>
                  {lineLabel(c.after)}
                </button>
              </td>
              <td>
                {c.fields.map((f) => (
                  <div key={f}>
                    {f}:{' '}
                    <OldNew
                      before={(c.before as Record<string, unknown>)[f]}
                      after={(c.after as Record<string, unknown>)[f]}
                    />
                  </div>
                ))}
              </td>
            </tr>
          ))}
          {lines.added.map((l) => (
            <tr key={`a-${l.id}`} data-line={l.id}>
              <td>{t('added')}</td>
              <td>
                <button type="button" className="link" onClick={() => onPickLine(l.id)}>
                  {lineLabel(l)}
                </button>
              </td>
              <td className="diff-new">{shown(l.amount)}</td>
            </tr>
          ))}
          {lines.removed.map((l) => (
            <tr key={`r-${l.id}`}>
              <td>{t('removed')}</td>
              <td>{lineLabel(l)}</td>
              <td className="diff-old">{shown(l.amount)}</td>
            </tr>
          ))}
          {diff.incomeLines.changed.map((c) => (
            <tr key={`i-${c.key}`}>
              <td>{t('changed')}</td>
              <td>
                {t('incomeLines')} {c.key}
              </td>
              <td>
                <OldNew before={c.before.amount} after={c.after.amount} />
              </td>
            </tr>
          ))}
          {diff.projects.changed.map((c) => (
            <tr key={`p-${c.key}`}>
              <td>{t('changed')}</td>
              <td>
                {t('project')} {c.after.name}
              </td>
              <td>{c.fields.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('cellChanges')}</h3>
      {diff.cells.length === 0 && <p className="muted">{t('nothingHere')}</p>}
      {[...byTable.entries()].map(([table, changes]) => (
        <details key={table} open={changes.length <= 30}>
          <summary>
            {table} ({changes.length})
          </summary>
          <table className="list">
            <tbody>
              {changes.map(({ change, cell }) => (
                <tr key={change.path}>
                  <td title={change.path}>{cell}</td>
                  <td>
                    <OldNew before={change.before} after={change.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
      {diff.findings.appeared.length > 0 && (
        <>
          <h3>{t('findingsAppeared')}</h3>
          <ul>
            {diff.findings.appeared.map((f, i) => (
              <li key={i} className="problem">
                {f.message[locale]}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.findings.resolved.length > 0 && (
        <>
          <h3>{t('findingsResolved')}</h3>
          <ul>
            {diff.findings.resolved.map((f, i) => (
              <li key={i} className="diff-old">
                {f.message[locale]}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
