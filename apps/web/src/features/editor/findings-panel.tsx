import type { TBudgetDocument, TDisclosure, TFinding } from '@budgetflow/domain';
import { useDeskI18n } from '../../lib/desk-i18n';
import { groupYuan } from '../../lib/yuan-text';
import { findingPlace, withSeparators } from './forms/finding-place';

const CANONICAL = /^-?\d+\.\d{2}$/;
const figure = (text: string) => (CANONICAL.test(text) ? groupYuan(text) : withSeparators(text));

/**
 * The rule set's findings, errors first; each one is a button that takes the person to the field,
 * cell, table row or project it is about, named as the person reads the budget, amounts grouped.
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
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const words = locale === 'zh' ? { expected: '应为', actual: '实为' } : { expected: 'expected', actual: 'actual' };
  return (
    <section className="findings-panel card" aria-labelledby="findings-title">
      <h2 id="findings-title">
        {t('findings')}{' '}
        <span className="muted">{`${t('errorsCount', { n: errors.length })} · ${t('warningsCount', { n: warnings.length })}`}</span>
      </h2>
      {findings.length === 0 ? (
        <p>{t('noFindings')}</p>
      ) : (
        <ul>
          {[...errors, ...warnings].map((f, i) => (
            <li key={`${f.ruleId}-${i}`} className={f.severity}>
              <button type="button" className="link" onClick={() => onJump(f)}>
                {withSeparators(f.message[locale])}
              </button>
              <div className="muted">
                {findingPlace(f, { doc, disclosure, lineNo, locale })}
                {f.expected !== undefined && ` · ${words.expected} ${figure(f.expected)}`}
                {f.actual !== undefined && ` · ${words.actual} ${figure(f.actual)}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
