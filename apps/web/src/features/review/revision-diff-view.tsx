import {
  FUND_SOURCE_NAMES,
  MoneyError,
  parseFen,
  type TCellChange,
  type TDisclosure,
  type TExpenditureLine,
  type TRevisionDiff,
} from '@budgetflow/domain';
import { useDeskI18n, type TDeskTranslate } from '../../lib/desk-i18n';
import { groupYuan } from '../../lib/yuan-text';
import { label as documentFieldLabel } from '../editor/forms/finding-place';
import { FIELD_LABEL, LINE_FIELDS, type TLineField } from '../editor/grid/line-fields';
import { cellLabel, type TCellWords } from './cell-label';

const KIND_LABEL = { 'basic-personnel': 'kind_basic_personnel', 'basic-public': 'kind_basic_public', project: 'kind_project' } as const;

/** A line's field as the grid names its column; its value as the grid shows it (支出类型 and 资金来源 by name). */
function lineField(field: string, t: TDeskTranslate): string {
  return (LINE_FIELDS as readonly string[]).includes(field) ? t(FIELD_LABEL[field as TLineField]) : t('diffOther');
}
function lineValue(field: string, value: unknown, t: TDeskTranslate): unknown {
  if (field === 'kind' && typeof value === 'string' && value in KIND_LABEL) return t(KIND_LABEL[value as keyof typeof KIND_LABEL]);
  if (field === 'fundSource' && typeof value === 'string' && value in FUND_SOURCE_NAMES) return FUND_SOURCE_NAMES[value as keyof typeof FUND_SOURCE_NAMES];
  return value;
}

function cellWords(t: TDeskTranslate): TCellWords {
  return {
    part3: t('part3Short'),
    glossary: t('diffGlossary'),
    other: t('diffOther'),
    paragraph: (n) => t('diffParagraph', { n }),
    figure: (text) => t('diffFigure', { text }),
    leaf: { text: t('diffText'), title: t('diffTitle'), unit: t('diffUnit'), figures: t('diffFigures'), term: t('diffTerm'), definition: t('diffDefinition'), name: t('diffName'), note: t('note') },
  };
}

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
  const { t, locale } = useDeskI18n();
  const lines = diff.expenditureLines;
  const words = cellWords(t);
  const byTable = new Map<string, { change: TCellChange; cell: string }[]>();
  for (const change of diff.cells) {
    const { group, cell } = cellLabel(change, disclosure, words);
    byTable.set(group, [...(byTable.get(group) ?? []), { change, cell }]);
  }
  // A line by its codes (its id may be one the browser made up, e.g. N-…).
  const lineLabel = (l: TExpenditureLine) => `${l.functionCode}/${l.economicCode}`;
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
                    {lineField(f, t)}：
                    <OldNew
                      before={lineValue(f, (c.before as Record<string, unknown>)[f], t)}
                      after={lineValue(f, (c.after as Record<string, unknown>)[f], t)}
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
                {t('incomeLines')} {FUND_SOURCE_NAMES[c.after.source]}
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
              <td>{c.fields.map((f) => documentFieldLabel(f, locale) ?? t('diffOther')).join('、')}</td>
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
                  <td>{cell}</td>
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
