import type { TFinding } from '@budgetflow/domain';
import { useI18n } from '../../lib/i18n';

/** Where a finding points, in words a preparer recognises. */
function where(finding: TFinding, lineNo: (lineId: string) => number | undefined): string {
  const l = finding.location;
  switch (l.kind) {
    case 'line': {
      const n = lineNo(l.lineId);
      return `${n === undefined ? l.lineId : `#${n}`}${l.field === undefined ? '' : ` · ${l.field}`}`;
    }
    case 'table':
      return `${l.table}${l.row === undefined ? '' : ` · ${l.row}`}${l.column === undefined ? '' : ` · ${l.column}`}`;
    case 'project':
      return `${l.projectId}${l.part === undefined ? '' : ` · ${l.part}`}`;
    case 'text':
      return l.section;
    case 'document':
      return l.path;
  }
}

/**
 * The rule set's findings, errors first; each one is a button that takes the person to the cell,
 * table row or project it is about.
 */
export function FindingsPanel({
  findings,
  onJump,
  lineNo,
}: {
  findings: readonly TFinding[];
  onJump(finding: TFinding): void;
  lineNo(lineId: string): number | undefined;
}) {
  const { t, locale } = useI18n();
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
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
                {f.message[locale]}
              </button>
              <div className="muted">
                {where(f, lineNo)}
                {f.expected !== undefined && ` · expected ${f.expected}`}
                {f.actual !== undefined && ` · actual ${f.actual}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
