import { findingLocations, type TBudgetDocument, type TDisclosure, type TFinding } from '@budgetflow/domain';
import { useMemo } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import { groupYuan } from '../../lib/yuan-text';
import { findingPlace, withSeparators } from './forms/finding-place';

const CANONICAL = /^-?\d+\.\d{2}$/;
const figure = (text: string) => (CANONICAL.test(text) ? groupYuan(text) : withSeparators(text));

/**
 * The rule set's findings, errors first; each one is a button that takes the person to the field,
 * cell, table row or project it is about, named as the person reads the budget, amounts grouped.
 * A finding that is one problem at several places (alsoAt) is listed once, with how many places it
 * concerns, and a button for each further place the person reads as another one.
 */
export function FindingsPanel({
  findings,
  onJump,
  lineNo,
  doc = null,
  disclosure,
}: {
  findings: readonly TFinding[];
  onJump(finding: TFinding): void;
  lineNo(lineId: string): number | undefined;
  doc?: TBudgetDocument | null;
  disclosure?: TDisclosure | undefined;
}) {
  const { t, locale } = useDeskI18n();
  const { errors, warnings } = useMemo(
    () => ({ errors: findings.filter((f) => f.severity === 'error'), warnings: findings.filter((f) => f.severity === 'warning') }),
    [findings],
  );
  // The list is drawn again only when the findings (or what names their places) change, not at
  // every keystroke in the grid: a finding at hundreds of places names each of them.
  const projects = doc?.projects;
  const list = useMemo(() => {
    const words = locale === 'zh' ? { expected: '应为', actual: '实为' } : { expected: 'expected', actual: 'actual' };
    const context = { projects, disclosure, lineNo, locale };
    return (
      <ul>
        {[...errors, ...warnings].map((f, i) => {
          const place = findingPlace(f, context);
          const [, ...further] = findingLocations(f);
          // Further places named otherwise than the first (another line, another cell): each its own way there.
          const others = new Map<string, TFinding>();
          for (const location of further) {
            const at = { ...f, location };
            const name = findingPlace(at, context);
            if (name !== '' && name !== place && !others.has(name)) others.set(name, at);
          }
          return (
            <li key={`${f.ruleId}-${i}`} className={f.severity}>
              <button type="button" className="link" onClick={() => onJump(f)}>
                {withSeparators(f.message[locale])}
              </button>
              <div className="muted">
                {place}
                {further.length > 0 && ` · ${t('findingPlaces', { n: 1 + further.length })}`}
                {f.expected !== undefined && ` · ${words.expected} ${figure(f.expected)}`}
                {f.actual !== undefined && ` · ${words.actual} ${figure(f.actual)}`}
                {[...others].map(([name, at]) => (
                  <span key={name}>
                    {' · '}
                    <button type="button" className="link" onClick={() => onJump(at)}>
                      {name}
                    </button>
                  </span>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    );
  }, [errors, warnings, projects, disclosure, lineNo, locale, onJump, t]);
  return (
    <section className="findings-panel card" aria-labelledby="findings-title">
      <h2 id="findings-title">
        {t('findings')}{' '}
        <span className="muted">{`${t('errorsCount', { n: errors.length })} · ${t('warningsCount', { n: warnings.length })}`}</span>
      </h2>
      {findings.length === 0 ? <p>{t('noFindings')}</p> : list}
    </section>
  );
}
