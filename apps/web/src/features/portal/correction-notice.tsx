import type { TCorrection } from '@budgetflow/domain';
import { useI18n } from '../../lib/i18n';

/** A long list of changed figures opens on request; a short one shows at once. */
const OPEN_UP_TO = 10;

/**
 * 更正说明, under the title of version 2 and later: why and when the disclosure was corrected,
 * which version it corrects, and each figure changed, as the tables print it.
 */
export function CorrectionNotice({ correction, versionNo }: { correction: TCorrection; versionNo: number }) {
  const { t } = useI18n();
  const { changes } = correction;
  return (
    <section className="card correction-notice" aria-labelledby="correction-title" lang="zh-CN">
      <h2 id="correction-title">{t('correctionTitle')}</h2>
      <p>{t('correctionVersions', { next: versionNo, previous: correction.previousVersion })}</p>
      <dl>
        <div>
          <dt>{t('correctionDate')}</dt>
          <dd>{correction.date}</dd>
        </div>
        <div>
          <dt>{t('correctionReason')}</dt>
          <dd>{correction.reason}</dd>
        </div>
      </dl>
      {changes.length === 0 ? (
        <p>{t('correctionNoFigures')}</p>
      ) : (
        <details open={changes.length <= OPEN_UP_TO}>
          <summary>
            {t('correctionChanges')}（{changes.length}）
          </summary>
          <ol>
            {changes.map((c) => (
              <li key={`${c.table}|${c.row}|${c.column}`}>{c.text}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
