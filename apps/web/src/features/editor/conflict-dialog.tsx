import { FUND_SOURCE_NAMES, type TExpenditureLine } from '@budgetflow/domain';
import { useDeskI18n } from '../../lib/desk-i18n';
import { Modal } from '../../ui/modal';
import { groupYuan } from '../../lib/yuan-text';
import type { TConflict } from './use-budget-editor';

function describe(line: TExpenditureLine): string {
  return `${line.functionCode} / ${line.economicCode} / ${FUND_SOURCE_NAMES[line.fundSource]} / ${groupYuan(line.amount)}`;
}

/** A refused save: what the other person changed, and a choice; the person's own edits stay. */
export function ConflictDialog({
  conflict,
  myLineIds,
  onKeepMine,
  onDiscardMine,
}: {
  conflict: TConflict;
  myLineIds: ReadonlySet<string>;
  onKeepMine(): void;
  onDiscardMine(): void;
}) {
  const { t } = useDeskI18n();
  const { theirs } = conflict;
  return (
    <Modal titleId="conflict-title">
      <h2 id="conflict-title">{t('conflictTitle')}</h2>
      <p>{t('conflictExplain', { seen: conflict.seenVersion, current: conflict.currentVersion })}</p>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">{t('theirChange')}</th>
            <th scope="col">ID</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {theirs.changed.map((c) => (
            <tr key={c.key} className={myLineIds.has(c.key) ? 'overdue' : undefined}>
              <td>{t('changed')}</td>
              <td>{c.key}</td>
              <td>
                {c.fields.map((f) => (
                  <div key={f}>
                    {f}:{' '}
                    <span className="diff-old">{String((c.before as Record<string, unknown>)[f] ?? '')}</span>{' '}
                    →{' '}
                    <span className="diff-new">{String((c.after as Record<string, unknown>)[f] ?? '')}</span>
                    {myLineIds.has(c.key) && ` (${t('yourChange')})`}
                  </div>
                ))}
              </td>
            </tr>
          ))}
          {theirs.added.map((l) => (
            <tr key={`a-${l.id}`}>
              <td>{t('added')}</td>
              <td>{l.id}</td>
              <td>{describe(l)}</td>
            </tr>
          ))}
          {theirs.removed.map((l) => (
            <tr key={`r-${l.id}`}>
              <td>{t('removed')}</td>
              <td>{l.id}</td>
              <td className="diff-old">{describe(l)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {myLineIds.size > 0 && (
        <p>
          {t('yourChange')}：{[...myLineIds].join('、')}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="primary" onClick={onKeepMine} autoFocus>
          {t('conflictKeepMine')}
        </button>
        <button type="button" onClick={onDiscardMine}>
          {t('conflictDiscardMine')}
        </button>
      </div>
    </Modal>
  );
}
