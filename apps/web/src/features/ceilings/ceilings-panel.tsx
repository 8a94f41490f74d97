import { ceilingFiguresOfLines, compareWithCeilings, ZCeilings, type TExpenditureLine } from '@budgetflow/domain';
import { useDeferredValue, useMemo, useState } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import { CeilingsForm } from './ceilings-form';
import { fenText } from './fen-text';
import { RoundsTable } from './rounds-table';
import { useCeilings, type TCeilingComparison, type TCeilingsAnswer } from './use-ceilings';

/** The figures of no lines: enough to tell whether any ceiling is issued at all. */
const NO_FIGURES = ceilingFiguresOfLines([]);

/** The ceilings beside the figures of these lines (the editor's, as they are now), as the API compares them with the saved ones. */
function comparisonOf(answer: TCeilingsAnswer, lines: readonly TExpenditureLine[]): TCeilingComparison[] {
  const ceilings = ZCeilings.parse(answer.ceilings);
  // None issued yet: nothing to compare, and the 10,000 lines are not summed for it at every keystroke.
  if (compareWithCeilings(NO_FIGURES, ceilings).length === 0) return [];
  return compareWithCeilings(ceilingFiguresOfLines(lines), ceilings).map((c) => ({
    ceiling: c.ceiling,
    name: c.name,
    ceilingFen: String(c.ceilingFen),
    amountFen: String(c.amountFen),
    roomFen: String(c.roomFen),
  }));
}

/**
 * The ceilings (控制数) beside the budget's figures and the room left; the 预算科's reviewers
 * (`editable`) also issue and change them here. Given `lines` (the editor's, with the edits not
 * yet saved), the figures are those lines' and follow the typing; else the saved budget's.
 */
export function CeilingsPanel({
  budgetId,
  budgetVersion,
  editable,
  lines,
}: {
  budgetId: string;
  budgetVersion: number | undefined;
  editable: boolean;
  lines?: readonly TExpenditureLine[];
}) {
  const { t } = useDeskI18n();
  const ceilings = useCeilings(budgetId, budgetVersion);
  const [editing, setEditing] = useState(false);
  // Summed at low priority: a keystroke in the grid is not held up by 10,000 lines summed again.
  const shownLines = useDeferredValue(lines);
  const loaded = ceilings.data;
  const live = useMemo(
    () => (loaded === undefined || shownLines === undefined ? undefined : comparisonOf(loaded, shownLines)),
    [loaded, shownLines],
  );
  return (
    <section className="panel ceilings" aria-labelledby="ceilings-title">
      <h2 id="ceilings-title">{t('ceilingsTitle')}</h2>
      <QueryView query={ceilings} isEmpty={() => false}>
        {(answer) => (
          <>
            {(live ?? answer.comparison).length === 0 ? (
              <p className="muted">{t('ceilingsNone')}</p>
            ) : (
              <table className="ceilings-table">
                <caption className="visually-hidden">{t('ceilingsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ceilingItem')}</th>
                    <th scope="col">{t('ceilingAmount')}</th>
                    <th scope="col">{t('ceilingBudgeted')}</th>
                    <th scope="col">{t('ceilingRoom')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(live ?? answer.comparison).map((c) => {
                    const over = c.roomFen.startsWith('-');
                    return (
                      <tr key={c.ceiling} className={over ? 'over' : undefined}>
                        <th scope="row">{c.name}</th>
                        <td className="num">{fenText(c.ceilingFen)}</td>
                        <td className="num">{fenText(c.amountFen)}</td>
                        <td className="num">{over ? t('ceilingOver', { amount: fenText(c.roomFen.slice(1)) }) : fenText(c.roomFen)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <p className="muted">{t('ceilingsUnit')}</p>
            {editable && !editing && (
              <button type="button" onClick={() => setEditing(true)}>
                {answer.version === 0 ? t('ceilingsIssue') : t('ceilingsEdit')}
              </button>
            )}
            {editable && editing && <CeilingsForm answer={answer} onDone={() => setEditing(false)} />}
            <details>
              <summary>{t('roundsTitle')}</summary>
              <RoundsTable budgetId={budgetId} budgetVersion={budgetVersion} />
            </details>
          </>
        )}
      </QueryView>
    </section>
  );
}
