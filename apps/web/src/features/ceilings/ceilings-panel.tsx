import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { CeilingsForm } from './ceilings-form';
import { fenText } from './fen-text';
import { RoundsTable } from './rounds-table';
import { useCeilings } from './use-ceilings';

/**
 * The ceilings (控制数) beside the budget's figures and the room left, for the preparer as they
 * edit; the 预算科's reviewers (`editable`) also issue and change them here.
 */
export function CeilingsPanel({ budgetId, budgetVersion, editable }: { budgetId: string; budgetVersion: number | undefined; editable: boolean }) {
  const { t } = useI18n();
  const ceilings = useCeilings(budgetId, budgetVersion);
  const [editing, setEditing] = useState(false);
  return (
    <section className="panel ceilings" aria-labelledby="ceilings-title">
      <h2 id="ceilings-title">{t('ceilingsTitle')}</h2>
      <QueryView query={ceilings} isEmpty={() => false}>
        {(answer) => (
          <>
            {answer.comparison.length === 0 ? (
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
                  {answer.comparison.map((c) => {
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
